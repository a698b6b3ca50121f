namespace Scripts.Tests.Support;

/// <summary>Routes that imitate a healthy deployment of the SOVD Command WebApp (Vite-built frontend, API).</summary>
internal static class SampleApp
{
    public const string AssetPath = "/assets/index-4f2a9c1d.js";

    public const string IndexHtml = $"""
        <!doctype html>
        <html lang="en">
          <head>
            <meta charset="UTF-8" />
            <title>SOVD Command WebApp</title>
            <script type="module" crossorigin src="{AssetPath}"></script>
          </head>
          <body>
            <div id="root"></div>
          </body>
        </html>
        """;

    public const string VehiclesJson = """[{"vehicle_id":"v-001","vin":"WVWZZZ1JZXW000001"},{"vehicle_id":"v-002","vin":"WVWZZZ1JZXW000002"}]""";

    public const string ReadyJson = """{"status":"ready"}""";

    public static FaultServer ServeApi(this FaultServer server) =>
        server.Route("/health/ready", Answer.Json(ReadyJson))
            .Route("/api/v1/vehicles", Answer.Json(VehiclesJson));

    public static FaultServer ServeFrontend(this FaultServer server) =>
        server.Route("/", Answer.Html(IndexHtml))
            .Route(AssetPath, Answer.JavaScript("import{r as e}from'./vendor.js';e();"));

    public static FaultServer ServeHealthyStack(this FaultServer server) => server.ServeApi().ServeFrontend();
}
