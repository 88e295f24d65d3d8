using System.Text;
using Azure;
using CrmSaaS.Storage;
using CrmSaaS.TestSupport;

namespace CrmSaaS.Storage.Tests.Queues;

public sealed class QueueClientTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private async Task<QueueClient> NewQueueAsync()
    {
        var queue = azurite.Account.GetQueueClient(TestNames.Queue("jobs"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    [Fact]
    public async Task CreateIfNotExists_is_idempotent()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("x");

        await queue.CreateIfNotExistsAsync();

        (await queue.GetApproximateMessageCountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_sent_message_is_received_with_its_text_and_then_hidden()
    {
        var queue = await NewQueueAsync();
        const string text = "{\"tipo\":\"orçamento\",\"valor\":\"R$ 1.234,50\",\"<xml>\":\"&\"}";

        await queue.SendMessageAsync(text);
        var received = await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromMinutes(1));

        var message = received.ShouldHaveSingleItem();
        message.MessageText.ShouldBe(text);
        message.DequeueCount.ShouldBe(1);
        message.MessageId.ShouldNotBeNullOrEmpty();
        message.PopReceipt.ShouldNotBeNullOrEmpty();
        message.InsertedOn.ShouldNotBeNull();
        message.NextVisibleOn!.Value.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddSeconds(30));
        (await queue.ReceiveMessagesAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_body_is_base64_on_the_wire_as_the_functions_trigger_expects()
    {
        var capture = new CapturePolicy();
        var options = new StorageClientOptions();
        options.AddPolicy(capture, Azure.Core.HttpPipelinePosition.PerRetry);
        var queue = StorageAccount.Parse(azurite.ConnectionString, options).GetQueueClient(TestNames.Queue("wire"));
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("olá");
        var peeked = await queue.PeekMessagesAsync();

        peeked.ShouldHaveSingleItem().MessageText.ShouldBe("olá");
        capture.Bodies.ShouldContain(b => b.Contains("<MessageText>b2zDoQ==</MessageText>"));
    }

    private sealed class CapturePolicy : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public List<string> Bodies { get; } = [];

        public override void OnReceivedResponse(Azure.Core.HttpMessage message)
        {
            if (message.Request.Method == Azure.Core.RequestMethod.Get)
            {
                lock (Bodies)
                {
                    Bodies.Add(message.Response.Content.ToString());
                }
            }
        }
    }

    [Fact]
    public async Task DequeueCount_grows_each_time_the_message_comes_back()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("retry me");

        var first = (await queue.ReceiveMessagesAsync()).Single();
        await queue.UpdateVisibilityAsync(first.MessageId, first.PopReceipt, TimeSpan.Zero);
        var second = (await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(1))).Single();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var third = (await queue.ReceiveMessagesAsync()).Single();

        (first.DequeueCount, second.DequeueCount, third.DequeueCount).ShouldBe((1L, 2L, 3L));
        third.MessageId.ShouldBe(first.MessageId);
    }

    [Fact]
    public async Task UpdateVisibility_returns_a_new_receipt_that_deletes_the_message()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("long job");
        var message = (await queue.ReceiveMessagesAsync(visibilityTimeout: TimeSpan.FromSeconds(5))).Single();

        var receipt = await queue.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, TimeSpan.FromMinutes(5));

        receipt.ShouldNotBe(message.PopReceipt);
        (await queue.PeekMessagesAsync()).ShouldBeEmpty();
        var stale = await Should.ThrowAsync<RequestFailedException>(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));
        (stale.Status, stale.ErrorCode).ShouldBe((400, "PopReceiptMismatch"));
        await queue.DeleteMessageAsync(message.MessageId, receipt);
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Deleting_a_missing_message_fails_with_404()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("once");
        var message = (await queue.ReceiveMessagesAsync()).Single();
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        var ex = await Should.ThrowAsync<RequestFailedException>(() => queue.DeleteMessageAsync(message.MessageId, message.PopReceipt));

        ex.Status.ShouldBe(404);
        ex.ErrorCode.ShouldBe("MessageNotFound");
    }

    [Fact]
    public async Task Peek_does_not_hide_or_count_a_dequeue()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("a");
        await queue.SendMessageAsync("b");
        await queue.SendMessageAsync("c");

        var peeked = await queue.PeekMessagesAsync(maxMessages: 32);
        var again = await queue.PeekMessagesAsync(maxMessages: 2);

        peeked.Select(m => m.MessageText).ShouldBe(["a", "b", "c"]);
        peeked.ShouldAllBe(m => m.DequeueCount == 0);
        again.Count.ShouldBe(2);
        (await queue.ReceiveMessagesAsync(maxMessages: 32)).Select(m => m.MessageText).ShouldBe(["a", "b", "c"]);
    }

    [Fact]
    public async Task A_visibility_delay_keeps_a_new_message_hidden()
    {
        var queue = await NewQueueAsync();

        await queue.SendMessageAsync("later", visibilityDelay: TimeSpan.FromSeconds(3));

        (await queue.ReceiveMessagesAsync()).ShouldBeEmpty();
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(1);
        await Task.Delay(TimeSpan.FromSeconds(4));
        (await queue.ReceiveMessagesAsync()).Single().MessageText.ShouldBe("later");
    }

    [Fact]
    public async Task Count_and_clear()
    {
        var queue = await NewQueueAsync();
        for (var i = 0; i < 5; i++)
        {
            await queue.SendMessageAsync($"m{i}");
        }

        (await queue.GetApproximateMessageCountAsync()).ShouldBe(5);
        await queue.ClearMessagesAsync();
        (await queue.GetApproximateMessageCountAsync()).ShouldBe(0);
        (await queue.ReceiveMessagesAsync(32)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Limits_are_checked_before_sending()
    {
        var queue = await NewQueueAsync();
        using var scope = StorageTransactions.BeginScope();

        // 49,152 UTF-8 bytes is exactly 65,536 base64 characters: the largest message Azure accepts.
        await Should.ThrowAsync<StorageLimitException>(() => queue.SendMessageAsync(new string('x', 49_153)));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(33));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => queue.ReceiveMessagesAsync(0));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => queue.SendMessageAsync("x", TimeSpan.FromDays(8)));
        Should.Throw<StorageLimitException>(() => azurite.Account.GetQueueClient("Jobs_Queue"));
        scope.Count.ShouldBe(0);

        await queue.SendMessageAsync(new string('x', 49_152));
        (await queue.ReceiveMessagesAsync()).Single().MessageText.Length.ShouldBe(49_152);
        scope.QueueCount.ShouldBe(2);
    }

    [Fact]
    public async Task A_missing_queue_fails_with_404_QueueNotFound()
    {
        var queue = await NewQueueAsync();
        await queue.SendMessageAsync("x");
        await queue.DeleteAsync();

        var ex = await Should.ThrowAsync<RequestFailedException>(() => queue.SendMessageAsync("x"));

        ex.Status.ShouldBe(404);
        ex.ErrorCode.ShouldBe("QueueNotFound");
    }
}
