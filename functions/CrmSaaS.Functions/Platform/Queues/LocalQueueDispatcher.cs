using Microsoft.Extensions.Options;

namespace CrmSaaS.Functions.Platform;

public sealed class QueueDispatcherOptions
{
    /// <summary>Poll the queues from this process. Off under the Functions host, which delivers messages itself.</summary>
    public bool LocalDispatcher { get; set; } = true;

    /// <summary>Same as the Functions host's default maxDequeueCount: then the message goes to &lt;queue&gt;-poison.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Delay before a failed message is retried (the host's default is 0; a short pause avoids hot loops).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages taken per receive: few, so none waits past its lease while earlier ones are handled.</summary>
    public int BatchSize { get; set; } = 4;

    public TimeSpan MaxIdlePoll { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// The workstation's stand-in for the Functions host's queue trigger: polls each handler's queue, calls the same
/// handler, deletes on success, lets the message reappear on failure, and moves it to &lt;queue&gt;-poison after
/// <see cref="QueueDispatcherOptions.MaxDequeueCount"/> dequeues, as the host does.
/// </summary>
public sealed class LocalQueueDispatcher(
    QueueRuntime runtime,
    IOptions<QueueDispatcherOptions> options,
    ILogger<LocalQueueDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.LocalDispatcher)
        {
            logger.LogInformation("Local queue dispatcher is off (the Functions host delivers queue messages).");
            return;
        }

        await Task.Yield();
        var loops = runtime.Handlers.Select(h => PollAsync(h.FunctionName, h.QueueName, stoppingToken)).ToList();
        await Task.WhenAll(loops);
    }

    private async Task PollAsync(string functionName, string queueName, CancellationToken ct)
    {
        var idle = TimeSpan.FromMilliseconds(50);
        var wakeup = runtime.WakeupFor(queueName);
        while (!ct.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await ProcessBatchAsync(functionName, queueName, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Polling {Queue} failed; retrying", queueName);
            }

            if (handled > 0)
            {
                idle = TimeSpan.FromMilliseconds(50);
                continue;
            }

            try
            {
                await wakeup.WaitAsync(idle, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            idle = TimeSpan.FromMilliseconds(Math.Min(idle.TotalMilliseconds * 2, options.Value.MaxIdlePoll.TotalMilliseconds));
        }
    }

    /// <summary>Receives and handles one batch; returns how many messages were received. Public for tests.</summary>
    public async Task<int> ProcessBatchAsync(string functionName, string queueName, CancellationToken ct)
    {
        var queue = runtime.Queue(queueName);
        var messages = await queue.ReceiveMessagesAsync(options.Value.BatchSize, options.Value.VisibilityTimeout, ct);
        foreach (var message in messages)
        {
            try
            {
                await runtime.RunAsync(functionName, message.MessageText, message.DequeueCount, message.MessageId, ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                if (message.DequeueCount >= options.Value.MaxDequeueCount)
                {
                    logger.LogError(ex, "{Function}: message {MessageId} failed {Count} times; moving it to {Queue}-poison",
                        functionName, message.MessageId, message.DequeueCount, queueName);
                    await runtime.Queue(queueName + "-poison").SendMessageAsync(message.MessageText, null, ct);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                }
                else
                {
                    logger.LogWarning(ex, "{Function}: message {MessageId} failed (dequeue {Count}); it will be retried",
                        functionName, message.MessageId, message.DequeueCount);
                    await queue.UpdateVisibilityAsync(message.MessageId, message.PopReceipt, options.Value.RetryDelay, ct);
                }
            }
        }

        return messages.Count;
    }
}
