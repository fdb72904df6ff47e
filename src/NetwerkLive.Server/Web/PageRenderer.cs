using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileProviders;

namespace NetwerkLive.Server.Web;

/// <summary>
/// Serves a page from wwwroot with its script and stylesheet links versioned by their content
/// (<c>/js/event.js?v=HASH</c>), so browsers may keep the bundles for a year and still get a new one
/// the moment it changes. A page is rendered again when it or one of its assets changes on disk.
/// </summary>
internal sealed partial class PageRenderer(IFileProvider webRoot)
{
    public const string VersionParameter = "v";

    private readonly ConcurrentDictionary<string, Rendered> _rendered = new(StringComparer.Ordinal);

    private sealed record Rendered(string Stamp, string Html, string ETag);

    public IResult Serve(HttpContext http, string page)
    {
        var rendered = Render(page);
        if (rendered is null)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = rendered.ETag;
        if (http.Request.Headers.IfNoneMatch.Contains(rendered.ETag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Content(rendered.Html, "text/html; charset=utf-8");
    }

    private Rendered? Render(string page)
    {
        var file = webRoot.GetFileInfo(page);
        if (!file.Exists)
        {
            return null;
        }
        // Cheap to check on every request: the page and its few assets' modification times.
        var source = _rendered.TryGetValue(page, out var cached) ? cached : null;
        if (source is not null && source.Stamp == StampOf(file, AssetLinks().Matches(source.Html)))
        {
            return source;
        }
        string html;
        using (var reader = new StreamReader(file.CreateReadStream(), Encoding.UTF8))
        {
            html = reader.ReadToEnd();
        }
        var links = AssetLinks().Matches(html);
        var versioned = AssetLinks().Replace(html, link => Versioned(link));
        var etag = $"\"{Hash(Encoding.UTF8.GetBytes(versioned))}\"";
        var rendered = new Rendered(StampOf(file, links), versioned, etag);
        _rendered[page] = rendered;
        return rendered;
    }

    private string Versioned(Match link)
    {
        var asset = webRoot.GetFileInfo(link.Groups["path"].Value);
        if (!asset.Exists)
        {
            return link.Value;
        }
        using var stream = asset.CreateReadStream();
        return $"{link.Groups["attr"].Value}=\"{link.Groups["path"].Value}?{VersionParameter}={Hash(stream)}\"";
    }

    private string StampOf(IFileInfo page, MatchCollection links)
    {
        var stamp = new StringBuilder().Append(page.LastModified.UtcTicks);
        foreach (Match link in links)
        {
            var asset = webRoot.GetFileInfo(link.Groups["path"].Value);
            stamp.Append('|').Append(asset.Exists ? asset.LastModified.UtcTicks : 0).Append(':').Append(asset.Exists ? asset.Length : -1);
        }
        return stamp.ToString();
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 8));

    private static string Hash(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream).AsSpan(0, 8));

    /// <summary>src="/js/..." and href="/css/..." in a page (whatever the page names, nothing else).</summary>
    [GeneratedRegex(@"(?<attr>src|href)=""(?<path>/(?:js|css)/[^""?#]+)(?:\?[^""]*)?""", RegexOptions.CultureInvariant)]
    private static partial Regex AssetLinks();
}
