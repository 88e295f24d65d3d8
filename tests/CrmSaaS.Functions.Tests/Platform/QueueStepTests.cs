using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CrmSaaS.Functions.Platform;
using CrmSaaS.Functions.Tests.Infrastructure;
using CrmSaaS.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSaaS.Functions.Tests.Platform;

/// <summary>Queue steps: the Functions host's payload shape, the function.json files, the local dispatcher.</summary>
public sealed class QueueStepTests(QueueStepTests.App app) : IClassFixture<QueueStepTests.App>
{
    [Fact]
    public void Every_queue_handler_has_its_function_json_and_every_function_json_has_a_handler()
    {
        var functionApp = Path.Combine(RepositoryPaths.Root(), "functions", "CrmSaaS.Functions", "FunctionApp");
        var handlers = app.Service<QueueRuntime>().Handlers
            .Where(h => h.Type.Assembly == typeof(Program).Assembly)
            .ToDictionary(h => h.FunctionName, h => h.QueueName);
        var queueFunctions = new Dictionary<string, string>();
        foreach (var file in Directory.GetFiles(functionApp, "function.json", SearchOption.AllDirectories))
        {
            var bindings = JsonNode.Parse(File.ReadAllText(file))!["bindings"]!.AsArray();
            var trigger = bindings.Single(b => ((string)b!["direction"]!) == "in")!;
            if ((string)trigger["type"]! == "queueTrigger")
            {
                trigger["connection"]!.GetValue<string>().ShouldBe("AzureWebJobsStorage");
                queueFunctions[Path.GetFileName(Path.GetDirectoryName(file)!)] = (string)trigger["queueName"]!;
            }
        }

        queueFunctions.OrderBy(f => f.Key).ShouldBe(handlers.OrderBy(h => h.Key));
    }

    [Fact]
    public void Host_json_runs_the_app_as_a_custom_handler_with_the_hosts_retry_rules()
    {
        var hostJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "functions", "CrmSaaS.Functions", "FunctionApp", "host.json")))!;

        ((string)hostJson["customHandler"]!["description"]!["defaultExecutablePath"]!).ShouldBe("CrmSaaS.Functions");
        ((int)hostJson["extensions"]!["queues"]!["maxDequeueCount"]!).ShouldBe(5);
        ((string)hostJson["extensions"]!["queues"]!["messageEncoding"]!).ShouldBe("base64");
    }

    [Theory]
    [InlineData("double-encoded")]
    [InlineData("object")]
    public async Task Functions_host_invocation_reaches_the_handler(string shape)
    {
        var to = $"host-{shape}-{Guid.NewGuid():N}@example.com";
        var message = JsonSerializer.Serialize(new
        {
            tenantId = "tenant-host",
            body = new EmailMessage(to, "Teste do host", "Olá, ação às 10h"),
        }, JsonDefaults.Options);
        object data = shape == "object" ? JsonNode.Parse(message)! : JsonSerializer.Serialize(message);
        var payload = new { Data = new { msg = data }, Metadata = new { DequeueCount = "1", Id = "\"abc\"" } };

        var response = await app.Anonymous().PostAsJsonAsync("/SendEmail", payload);

        var reply = await response.ReadAsync<JsonElement>();
        reply.TryGetProperty("Outputs", out _).ShouldBeTrue();
        var email = await app.MailDev.WaitForEmailAsync(to, "Teste do host");
        email.Text!.ShouldContain("ação às 10h");
    }

    [Fact]
    public async Task Functions_host_invocation_that_fails_answers_non_2xx_so_the_host_retries()
    {
        var payload = new { Data = new { msg = "{\"tenantId\":\"t\",\"body\":{\"mode\":\"fail\",\"key\":\"host-fail\"}}" }, Metadata = new { DequeueCount = 1 } };

        var response = await app.Anonymous().PostAsJsonAsync("/TestStep", payload);

        ((int)response.StatusCode).ShouldBeGreaterThanOrEqualTo(500);
    }

    [Fact]
    public void Invocation_reader_accepts_string_and_number_metadata()
    {
        using var doc = JsonDocument.Parse("""{"Data":{"msg":"\"{\\\"tenantId\\\":\\\"t1\\\"}\""},"Metadata":{"DequeueCount":"3","Id":"\"m1\""}}""");

        var (text, dequeue, id) = CustomHandlerApi.ReadInvocation(doc.RootElement);

        text.ShouldBe("""{"tenantId":"t1"}""");
        dequeue.ShouldBe(3);
        id.ShouldBe("m1");
    }

    [Fact]
    public async Task Dispatcher_deletes_a_handled_message()
    {
        var key = Guid.NewGuid().ToString("N");
        await Send(key, "ok");

        await app.DrainQueuesAsync();

        TestStep.Attempts(key).ShouldBe(1);
        (await app.Service<QueueRuntime>().Queue(TestStep.Queue).PeekMessagesAsync(32))
            .ShouldNotContain(m => m.MessageText.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dispatcher_retries_a_failing_message_until_it_succeeds()
    {
        var key = Guid.NewGuid().ToString("N");
        await Send(key, "fail-twice");

        await DrainUntil(() => TestStep.Succeeded(key));

        TestStep.Attempts(key).ShouldBe(3);
        TestStep.DequeueCounts(key).ShouldBe([1L, 2L, 3L]);
    }

    [Fact]
    public async Task Dispatcher_moves_a_message_to_the_poison_queue_after_five_dequeues()
    {
        var key = Guid.NewGuid().ToString("N");
        await Send(key, "fail");

        var poison = app.Service<QueueRuntime>().Queue(TestStep.Queue + "-poison");
        await DrainUntil(async () => (await poison.PeekMessagesAsync(32)).Any(m => m.MessageText.Contains(key, StringComparison.Ordinal)));

        TestStep.Attempts(key).ShouldBe(5);
        (await app.Service<QueueRuntime>().Queue(TestStep.Queue).PeekMessagesAsync(32))
            .ShouldNotContain(m => m.MessageText.Contains(key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Background_dispatcher_delivers_without_the_test_draining()
    {
        await using var live = new LiveDispatcherApp();
        await live.InitializeAsync();
        var to = $"live-{Guid.NewGuid():N}@example.com";
        using (var scope = live.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<RequestContext>().SetSystem("tenant-live");
            await scope.ServiceProvider.GetRequiredService<EmailOutbox>().SendAsync(new EmailMessage(to, "Entrega automática", "Corpo"));
        }

        var email = await live.MailDev.WaitForEmailAsync(to, "Entrega automática");

        email.Subject.ShouldBe("Entrega automática");
    }

    private Task Send(string key, string mode) =>
        app.Service<QueueRuntime>().SendAsync("tenant-q", TestStep.Queue, new TestStep.Body(mode, key));

    private async Task DrainUntil(Func<bool> done) => await DrainUntil(() => Task.FromResult(done()));

    private async Task DrainUntil(Func<Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await done())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the queue step did not finish in time");
            await app.DrainQueuesAsync();
            await Task.Delay(100);
        }
    }

    /// <summary>The app plus a test-only step whose behaviour each message chooses.</summary>
    public sealed class App : CrmApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddQueueHandler<TestStep>());
        }
    }

    private sealed class LiveDispatcherApp : CrmApp
    {
        protected override bool LocalDispatcher => true;
    }
}

public sealed class TestStep(RequestContext context) : IQueueHandler
{
    public const string Queue = "test-step";
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<long>> Calls = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> Done = new();

    public sealed record Body(string Mode, string Key);

    public string FunctionName => "TestStep";
    public string QueueName => Queue;

    public static int Attempts(string key) => Calls.TryGetValue(key, out var list) ? list.Count : 0;
    public static IReadOnlyList<long> DequeueCounts(string key) => Calls.TryGetValue(key, out var list) ? list.ToList() : [];
    public static bool Succeeded(string key) => Done.ContainsKey(key);

    public Task HandleAsync(QueueEnvelope message, CancellationToken ct)
    {
        context.TenantId.ShouldBe(message.TenantId);
        var body = message.Read<Body>();
        var calls = Calls.GetOrAdd(body.Key, _ => []);
        lock (calls)
        {
            calls.Add(message.DequeueCount);
        }

        var fail = body.Mode switch
        {
            "fail" => true,
            "fail-twice" => calls.Count <= 2,
            _ => false,
        };
        if (fail)
        {
            throw new InvalidOperationException("step failed on purpose");
        }

        Done[body.Key] = true;
        return Task.CompletedTask;
    }
}
