using System;
using System.Collections.Generic;

namespace CometAnalyzers.Rules.Endpoints
{
    /// <summary>
    /// URLs of content rather than of an API: an image, a PDF, a logo, a data file or an OpenAPI document fetched once as
    /// data, or a file on a raw-content host. Moving such a file is not an endpoint change an operator makes in
    /// configuration. Pure string logic, no Roslyn.
    /// </summary>
    internal static class ContentUrls
    {
        /// <summary>Extensions of files a request downloads as data: images, media, documents, archives, data and API descriptions.</summary>
        private static readonly HashSet<string> FileExtensions = new(StringComparer.OrdinalIgnoreCase)
        {
            "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "bmp", "tif", "tiff", "heic", "avif",
            "mp3", "wav", "m4a", "ogg", "flac", "aac", "mp4", "mov", "webm", "avi", "mkv",
            "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "rtf", "txt", "md", "csv", "tsv", "epub",
            "zip", "gz", "tgz", "tar", "7z",
            "json", "jsonl", "ndjson", "yaml", "yml", "xml", "parquet", "html", "htm",
        };

        /// <summary>
        /// Path segments that name an API description rather than the API (<c>/swagger/v1/swagger.json</c>,
        /// <c>/v0/api-docs/</c>), or a file download (<c>/download/v1/files/…</c>).
        /// </summary>
        private static readonly HashSet<string> DescriptionSegments = new(StringComparer.OrdinalIgnoreCase)
        {
            "swagger", "openapi", "api-docs", "apidocs", "swagger-ui", "download", "downloads",
        };

        /// <summary>Hosts that serve repository files and uploads, never an API.</summary>
        private static readonly string[] RawContentHosts =
        {
            "raw.githubusercontent.com", "gist.githubusercontent.com", "user-images.githubusercontent.com", "upload.wikimedia.org",
        };

        /// <summary>
        /// True when the URL names content. <paramref name="pathIsComplete"/> is false for the leading part of a URL built
        /// at run time: its last segment may still grow, so only segments already closed by a '/' are read.
        /// </summary>
        public static bool IsContent(Uri uri, bool pathIsComplete)
        {
            foreach (string host in RawContentHosts)
            {
                if (uri.Host.Equals(host, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            string[] segments = uri.AbsolutePath.Split('/');
            int complete = pathIsComplete ? segments.Length : segments.Length - 1;
            for (int i = 0; i < complete; i++)
            {
                string segment = Uri.UnescapeDataString(segments[i]);
                if (DescriptionSegments.Contains(segment))
                {
                    return true;
                }

                int dot = segment.LastIndexOf('.');
                if (i == segments.Length - 1 && dot > 0 && FileExtensions.Contains(segment.Substring(dot + 1)))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
