# Writes N feeds of 20 items (random words: no two items are one story) to ./feeds and a NewsBot
# appsettings.json seeding them to ./run-old and ./run-new. usage: python3 feeds.py 5000 18765
import random, json, os, sys
n = int(sys.argv[1]); port = int(sys.argv[2])
rnd = random.Random(15)
vocab = [''.join(rnd.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(rnd.randint(4, 9))) for _ in range(30000)]
def words(k): return ' '.join(rnd.choice(vocab) for _ in range(k))
for i in range(n):
    items = []
    for j in range(20):
        title = words(8).capitalize() + ' ' + rnd.choice(vocab).capitalize()
        text = ' '.join(words(25).capitalize() + '.' for _ in range(6))
        items.append(f"<item><guid>f{i}-{j}</guid><title>{title}</title><link>http://127.0.0.1:{port}/a/{i}/{j}</link><description>{text}</description><pubDate>Sat, 05 Dec 2026 20:{j:02d}:00 GMT</pubDate></item>")
    xml = f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Feed {i}</title><link>http://127.0.0.1:{port}/</link><description>d</description>{"".join(items)}</channel></rss>'
    open(f'feeds/f{i}.xml', 'w').write(xml)
seeds = [{"Name": f"Feed {i}", "Url": f"http://127.0.0.1:{port}/feeds/f{i}.xml"} for i in range(n)]
for run in ('old', 'new'):
    os.makedirs(f'run-{run}', exist_ok=True)
    cfg = {"NewsBot": {"Database": {"ConnectionString": f"Data Source=/tmp/cold/run-{run}/newsbot.db"},
           "Sources": {"AllowPrivateAddresses": True, "MaxConcurrentPerHost": 16, "Seed": seeds},
           "Console": {"Filters": ["zzqxw"]}}}
    json.dump(cfg, open(f'run-{run}/appsettings.json', 'w'))
