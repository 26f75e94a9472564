using NewsBot.Admin;

namespace NewsBot.IntegrationTests.Admin;

/// <summary>Admin pages are built from SafeHtml, so a hostile source or chat name cannot inject markup.</summary>
public sealed class SafeHtmlTests
{
    [Fact]
    public void Rendered_html_encodes_every_value_but_keeps_nested_markup()
    {
        var name = "<script>alert('x')</script> & \"co\"";
        var inner = SafeHtml.H($"<b>{name}</b>");
        var html = SafeHtml.H($"<p title=\"{name}\">{inner}{42.5:0.0}</p>").Value;
        Assert.Equal("<p title=\"&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;co&quot;\"><b>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;co&quot;</b>42.5</p>", html);
    }
}
