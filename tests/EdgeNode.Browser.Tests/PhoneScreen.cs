using System.Drawing;
using OpenQA.Selenium;

namespace EdgeNode.Browser.Tests;

/// <summary>A small phone's screen (360 CSS px wide, the width the issue names) and how far a page overflows it.</summary>
public static class PhoneScreen
{
    public const int Width = 360;

    public static readonly Size Size = new(Width, 780);

    /// <summary>
    /// The page's viewport width, how many pixels it scrolls sideways (0 when it fits), and the element reaching
    /// furthest right outside the tables' own scrolling boxes, to say what to fix.
    /// </summary>
    public static (long Viewport, long Overflow, string Widest) Measure(IWebDriver driver)
    {
        var script = (IJavaScriptExecutor)driver;
        long viewport = (long)(script.ExecuteScript("return window.innerWidth;") ?? 0L);
        long overflow = (long)(script.ExecuteScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;") ?? 0L);
        string widest = (string)(script.ExecuteScript(
            "let w = null; for (const e of document.querySelectorAll('body *')) { if (e.parentElement.closest('.table-scroll')) continue; const r = e.getBoundingClientRect();" +
            " if (r.right > document.documentElement.clientWidth + 1 && (!w || r.right > w.r)) w = { r: r.right, d: e.tagName + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') }; }" +
            " return w ? w.d + ' reaches ' + Math.round(w.r) + ' px' : 'nothing';") ?? "");
        return (viewport, overflow, widest);
    }
}
