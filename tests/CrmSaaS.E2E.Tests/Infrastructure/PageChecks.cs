using Microsoft.Playwright;

namespace CrmSaaS.E2E.Tests.Infrastructure;

/// <summary>Basic accessibility checks a browser test makes on the screen it is on.</summary>
public static class PageChecks
{
    /// <summary>Every visible form control has a label (a &lt;label for&gt; or an aria-label).</summary>
    public static async Task AssertEveryInputIsLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input, select, textarea')]" +
            ".filter(e => e.type !== 'hidden' && !(e.labels && e.labels.length) && !e.getAttribute('aria-label'))" +
            ".map(e => e.outerHTML.slice(0, 120))");
        unlabelled.ShouldBeEmpty();
    }

    /// <summary>Presses Tab from the focused element until the button with <paramref name="text"/> has the focus.</summary>
    public static async Task TabToAsync(IPage page, string text, int maxPresses = 15)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("t => document.activeElement?.textContent?.trim() === t", text))
            {
                return;
            }
        }

        throw new ShouldAssertException($"'{text}' was not reached with {maxPresses} presses of Tab.");
    }
}
