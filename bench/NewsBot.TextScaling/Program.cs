using NewsBot.TextScaling;

// Times every text stage on an input of size n and one of size 8n and prints the ratio:
// about 8 means linear, 64 quadratic. `dotnet run -c Release --project bench/NewsBot.TextScaling`
// (optional: a stage name filter, e.g. `-- Headline`).
var filter = args.FirstOrDefault();
var stages = TextStages.All.Where(s => filter is null || s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
ScalingTable.Run(stages);
