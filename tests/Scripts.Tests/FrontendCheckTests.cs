using Scripts.Tests.Support;

namespace Scripts.Tests;

/// <summary>The frontend checks: the app's HTML page and one of its scripts.</summary>
[Trait("Tier", "process")]
public sealed class FrontendCheckTests : FaultServerTest
{
    [Fact]
    public async Task Fails_when_the_frontend_answers_404()
    {
        Server.ServeApi().Route(SampleApp.AssetPath, Answer.JavaScript("x"));

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "frontend-page").Should().Contain(" 404 ").And.Contain("expected HTTP 200, got 404; body: not found");
        run.ShouldReport("SKIP", "frontend-asset").Should().Contain("the frontend-page check failed");
    }

    [Fact]
    public async Task Fails_when_the_frontend_page_is_not_the_app()
    {
        Server.ServeApi().Route("/", Answer.Html("<html><body><h1>Welcome to nginx!</h1></body></html>"));

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("FAIL", "frontend-page").Should().Contain("HTML without the app's root element (id=\"root\")");
    }

    [Fact]
    public async Task Fails_when_the_frontend_script_is_missing_and_a_fallback_answers_html()
    {
        Server.ServeApi().Route("/", Answer.Html(SampleApp.IndexHtml)).Fallback(Answer.Html(SampleApp.IndexHtml));

        var run = await SmokeScript.Against(Server.BaseUrl).RunAsync();

        run.ShouldExitWith(1);
        run.ShouldReport("PASS", "frontend-page");
        run.ShouldReport("FAIL", "frontend-asset").Should().Contain("expected a JavaScript content type, got 'text/html");
    }

    [Fact]
    public async Task Loads_a_relative_script_path_from_the_frontend_url()
    {
        await using var frontend = await FaultServer.StartAsync();
        frontend.Route("/app/", Answer.Html("""<div id='root'></div><script src="./assets/main.js" type="module"></script>"""))
            .Route("/app/assets/main.js", Answer.JavaScript("run()"));
        Server.ServeApi();

        var run = await SmokeScript.Against(Server.BaseUrl).Env("FRONTEND_URL", frontend.BaseUrl + "/app/").RunAsync();

        run.ShouldExitWith(0);
        frontend.CallsTo("/app/assets/main.js").Should().Be(1);
        Server.CallsTo("/").Should().Be(0, "the frontend has its own URL");
    }
}
