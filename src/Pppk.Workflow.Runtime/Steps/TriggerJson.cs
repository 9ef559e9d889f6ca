using System.Text.Json.Nodes;
using Pppk.Workflow.Engine.Execution;

namespace Pppk.Workflow.Runtime.Steps;

/// <summary>The JSON form of the triggers that travel between instances through the inbox.</summary>
internal static class TriggerJson
{
    public static string Write(Trigger trigger) => (trigger switch
    {
        ChildCompleted t => new JsonObject { ["type"] = "childCompleted", ["waitId"] = t.WaitId, ["variables"] = t.Variables?.DeepClone() },
        ChildFailed t => new JsonObject { ["type"] = "childFailed", ["waitId"] = t.WaitId, ["errorCode"] = t.ErrorCode, ["message"] = t.Message },
        CancelInstance t => new JsonObject { ["type"] = "cancel", ["reason"] = t.Reason },
        ChildEscalated t => new JsonObject { ["type"] = "childEscalated", ["waitId"] = t.WaitId, ["escalationCode"] = t.EscalationCode },
        SignalReceived t => new JsonObject { ["type"] = "signalReceived", ["waitId"] = t.WaitId, ["variables"] = t.Variables?.DeepClone() },
        MessageCorrelated t => new JsonObject { ["type"] = "messageCorrelated", ["waitId"] = t.WaitId, ["variables"] = t.Variables?.DeepClone() },
        _ => throw new ArgumentException($"{trigger.GetType().Name} does not travel through the inbox.", nameof(trigger)),
    }).ToJsonString();

    public static Trigger Read(string json)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        return (string?)o["type"] switch
        {
            "childCompleted" => new ChildCompleted((long)o["waitId"]!, o["variables"]?.AsObject().DeepClone().AsObject()),
            "childFailed" => new ChildFailed((long)o["waitId"]!, (string)o["errorCode"]!, (string?)o["message"]),
            "cancel" => new CancelInstance((string?)o["reason"]),
            "childEscalated" => new ChildEscalated((long)o["waitId"]!, (string)o["escalationCode"]!),
            "signalReceived" => new SignalReceived((long)o["waitId"]!, o["variables"]?.AsObject().DeepClone().AsObject()),
            "messageCorrelated" => new MessageCorrelated((long)o["waitId"]!, o["variables"]?.AsObject().DeepClone().AsObject()),
            var other => throw new InvalidOperationException($"Unknown inbox trigger type '{other}'."),
        };
    }
}
