#!/bin/sh
# Rebuilds the public data set the story evaluation reads: the first 6,366 rows of the UCI News
# Aggregator data set (Gasparetti 2016, CC BY 4.0), from the copy in pratikaher88/IPythonNotebooks.
# Usage: bench/NewsBot.StoryEval/fetch-data.sh [target dir]   (default: bench/NewsBot.StoryEval/data)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=${1:-$here/data}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone --depth 1 https://github.com/pratikaher88/IPythonNotebooks "$tmp/repo"
mkdir -p "$target"
# Header + 6,366 articles (the file has no quoted line breaks in this prefix).
head -n 6367 "$tmp/repo/uci-news-aggregator.csv" > "$target/uci-news-aggregator-first-6366.csv"
echo "wrote $target/uci-news-aggregator-first-6366.csv"
