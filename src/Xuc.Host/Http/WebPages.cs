using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Xuc.Host.Http;

/// <summary>
/// The browser side served from <c>wwwroot</c> beside the program: the JavaScript API under <c>/assets/javascripts</c>
/// (cti.js, callback.js, membership.js, shotgun.js, cti.d.ts), the agent desktop at <c>/</c>, <c>/sample</c> and
/// <c>/supervisor</c> (docs/javascript-api.md). Files carry an ETag and Last-Modified and <c>Cache-Control: no-cache</c>,
/// so a browser keeps its copy and asks again with If-None-Match (304 when unchanged): a new server version is picked up
/// by the next page load, never a stale script.
/// </summary>
public static class WebPages
{
    /// <summary>The directory the pages are served from: <c>wwwroot</c> beside Xuc.Host.dll.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static IApplicationBuilder UseWebPages(this IApplicationBuilder app)
    {
        if (!Directory.Exists(Root)) return app;
        var files = new PhysicalFileProvider(Root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".ts"] = "application/typescript; charset=utf-8";
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".mjs"] = "text/javascript; charset=utf-8";
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        return app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = types,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
