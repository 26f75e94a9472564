#!/bin/bash
# usage: SEEDED=5000 run.sh old|new /path/to/NewsBot.dll — after feeds.py wrote /tmp/cold/run-{old,new}/appsettings.json
# and python3 -m http.server 18765 serves /tmp/cold; samples VmHWM every 5 s until (nearly) every source had its first fetch, +30 s

which=$1; dll=$2; dir=/tmp/cold/run-$which; SEEDED=${SEEDED:-5000}
rm -f $dir/newsbot.db*
cd $dir
ASPNETCORE_URLS=http://127.0.0.1:0 DOTNET_gcServer=0 dotnet $dll > $dir/out.log 2> $dir/err.log &
pid=$!
start=$(date +%s)
done_at=""
while kill -0 $pid 2>/dev/null; do
  sleep 5
  now=$(date +%s); t=$((now-start))
  hwm=$(grep VmHWM /proc/$pid/status | awk '{print $2}'); rss=$(grep VmRSS /proc/$pid/status | awk '{print $2}')
  ff=$(sqlite3 -cmd ".timeout 2000" "file:$dir/newsbot.db?mode=ro" "select count(*) from Sources where FirstFetchDone=1; " 2>/dev/null)
  arts=$(sqlite3 -cmd ".timeout 2000" "file:$dir/newsbot.db?mode=ro" "select count(*) from Articles;" 2>/dev/null)
  echo "t=${t}s rss=$((rss/1024))MB hwm=$((hwm/1024))MB firstfetched=$ff articles=$arts"
  if [ "${ff:-0}" -ge $((SEEDED*999/1000)) ] && [ -z "$done_at" ]; then done_at=$t; fi
  if [ -n "$done_at" ] && [ $((t-done_at)) -ge 30 ]; then break; fi
  if [ $t -ge 420 ]; then break; fi
done
cpu=$(awk '{print ($14+$15)/100}' /proc/$pid/stat)
echo "cpu_seconds=$cpu"
kill $pid; wait $pid 2>/dev/null
