using System.Globalization;
using static NewsBot.Admin.SafeHtml;

namespace NewsBot.Admin;

/// <summary>A server-rendered SVG bar chart of counts per hour: one bar per hour, a label per day.</summary>
internal static class HourlyBarChart
{
    private const int BarWidth = 5;
    private const int PlotHeight = 120;
    private const int Left = 40;
    private const int Top = 10;
    private const int Bottom = 22;

    /// <param name="counts">One count per hour, oldest first, starting at <paramref name="start"/> (a whole hour, UTC).</param>
    public static SafeHtml Render(string id, string caption, IReadOnlyList<int> counts, DateTime start)
    {
        var max = Math.Max(1, counts.Count == 0 ? 0 : counts.Max());
        var width = Left + counts.Count * BarWidth + 10;
        var height = Top + PlotHeight + Bottom;
        var bars = counts.Select((n, i) => n == 0 ? Empty : Bar(i, n, max, start));
        var days = Enumerable.Range(0, counts.Count).Where(i => start.AddHours(i).Hour == 0).Select(i => H($"""
            <line class="axis" x1="{Left + i * BarWidth}" y1="{Top + PlotHeight}" x2="{Left + i * BarWidth}" y2="{Top + PlotHeight + 4}"/>
            <text x="{Left + i * BarWidth + 2}" y="{height - 6}">{start.AddHours(i).ToString("ddd dd", CultureInfo.InvariantCulture)}</text>
            """));
        return H($"""
            <figure><figcaption>{caption} (total {counts.Sum()}, peak {max} per hour)</figcaption>
            <svg id="{id}" class="chart" role="img" aria-label="{caption}" width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">
            <line class="axis" x1="{Left}" y1="{Top + PlotHeight}" x2="{width - 5}" y2="{Top + PlotHeight}"/>
            <line class="axis" x1="{Left}" y1="{Top}" x2="{Left}" y2="{Top + PlotHeight}"/>
            <text x="4" y="{Top + 10}">{max}</text><text x="4" y="{Top + PlotHeight}">0</text>
            {bars}{days}
            </svg></figure>
            """);
    }

    private static SafeHtml Bar(int index, int count, int max, DateTime start)
    {
        var h = Math.Max(1, (int)Math.Round((double)count / max * PlotHeight));
        var hour = start.AddHours(index).ToString("yyyy-MM-dd HH:00", CultureInfo.InvariantCulture);
        return H($"""<rect class="bar" x="{Left + index * BarWidth}" y="{Top + PlotHeight - h}" width="{BarWidth - 1}" height="{h}"><title>{hour} UTC: {count}</title></rect>""");
    }
}
