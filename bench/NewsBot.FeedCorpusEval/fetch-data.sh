#!/bin/sh
# Fetches the public corpus the feed parser evaluation reads: gofeed's test feeds with the output
# gofeed expects for each (github.com/mmcdole/gofeed, MIT licence), pinned to one commit. Only the
# testdata folder is kept; nothing of it goes into our git.
# Usage: bench/NewsBot.FeedCorpusEval/fetch-data.sh [target dir]   (default: bench/NewsBot.FeedCorpusEval/data)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target=${1:-$here/data}
commit=e010ca02e0eb28daf544c0447fdd64e4e99d5c5e
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git clone --quiet https://github.com/mmcdole/gofeed "$tmp/repo"
git -C "$tmp/repo" checkout --quiet "$commit"
mkdir -p "$target"
rm -rf "$target/gofeed"
cp -r "$tmp/repo/testdata" "$target/gofeed"
echo "wrote $target/gofeed (gofeed $commit)"
# feedparser's test feeds, expectations in each file's leading comment (github.com/kurtmckee/feedparser, BSD-2-Clause).
fpcommit=a22c5521cbb109871f1a2318948581901bd47e26
git clone --quiet https://github.com/kurtmckee/feedparser "$tmp/feedparser"
git -C "$tmp/feedparser" checkout --quiet "$fpcommit"
rm -rf "$target/feedparser"
cp -r "$tmp/feedparser/tests" "$target/feedparser"
echo "wrote $target/feedparser (feedparser $fpcommit)"
