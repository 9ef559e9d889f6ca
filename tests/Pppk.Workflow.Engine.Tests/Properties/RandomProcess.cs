using System.Text;
using Pppk.Workflow.Engine.Tests.Support;
using static Pppk.Workflow.Engine.Tests.Support.Bpmn;

namespace Pppk.Workflow.Engine.Tests.Properties;

/// <summary>
/// Generates well-formed, block-structured processes from a seed: sequences, exclusive, inclusive and parallel split/merge pairs,
/// subprocesses, tasks with interrupting or non-interrupting boundary timers, tasks with boundary errors, multi-instance tasks.
/// Every block is balanced, so driving every wait point to completion must complete the instance.
/// </summary>
public sealed class RandomProcess(int seed)
{
    private readonly Random _random = new(seed);
    private int _next;

    public string Xml { get; private set; } = "";

    /// <summary>Tasks that have a boundary error event (so throwing there is caught).</summary>
    public HashSet<string> ErrorTasks { get; } = [];

    public RandomProcess Generate(int maxDepth = 4)
    {
        var scope = new StringBuilder();
        scope.Append("""<startEvent id="start"/>""");
        var (first, last) = Block(scope, maxDepth);
        for (var i = _random.Next(2, 5); i > 0; i--)
        {
            var (f, l) = Block(scope, maxDepth - 1);
            Flow(scope, last, f);
            last = l;
        }
        Flow(scope, "start", first);
        scope.Append("""<endEvent id="end"/>""");
        Flow(scope, last, "end");
        Xml = $"""
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
              <error id="err" errorCode="E"/>
              <message id="msg" name="m"><extensionElements><zeebe:subscription correlationKey="=string(r)"/></extensionElements></message>
              <process id="p" isExecutable="true">{scope}</process>
            </definitions>
            """;
        return this;
    }

    private string Id(string prefix) => $"{prefix}{++_next}";

    private void Flow(StringBuilder scope, string from, string to, string? condition = null) =>
        scope.Append($"""<sequenceFlow id="{Id("f")}" sourceRef="{from}" targetRef="{to}">{(condition is null ? "" : $"<conditionExpression>{condition}</conditionExpression>")}</sequenceFlow>""");

    private (string First, string Last) Block(StringBuilder scope, int depth)
    {
        var choice = depth <= 0 || _random.Next(4) == 0 ? _random.Next(4) : _random.Next(4, 13);
        switch (choice)
        {
            case 0: return Single(scope, Id("user"), id => $"""<userTask id="{id}"><extensionElements><zeebe:assignmentDefinition assignee="x"/></extensionElements></userTask>""");
            case 1: return Single(scope, Id("job"), id => $"""<serviceTask id="{id}"><extensionElements><zeebe:taskDefinition type="t"/></extensionElements></serviceTask>""");
            case 2: return Single(scope, Id("wait"), id => $"""<intermediateCatchEvent id="{id}"><timerEventDefinition><timeDuration>PT{1 + _random.Next(30)}M</timeDuration></timerEventDefinition></intermediateCatchEvent>""");
            case 3: return Single(scope, Id("script"), id => $"""<scriptTask id="{id}"><extensionElements><zeebe:script expression="=r + 1" resultVariable="s"/></extensionElements></scriptTask>""");
            case 4:
            {
                var (f1, l1) = Block(scope, depth - 1);
                var (f2, l2) = Block(scope, depth - 1);
                Flow(scope, l1, f2);
                return (f1, l2);
            }
            case 5 or 6:
            {
                var exclusive = choice == 5;
                var inclusive = exclusive && _random.Next(2) == 0; // conditional split and merge: every true condition, joined
                var split = Id(inclusive ? "osplit" : exclusive ? "xsplit" : "psplit");
                var merge = Id(inclusive ? "omerge" : exclusive ? "xmerge" : "pmerge");
                var tag = inclusive ? "inclusiveGateway" : exclusive ? "exclusiveGateway" : "parallelGateway";
                var branches = 2 + _random.Next(2);
                var defaultFlow = exclusive ? Id("f") : null;
                scope.Append($"""<{tag} id="{split}"{(defaultFlow is null ? "" : $" default=\"{defaultFlow}\"")}/><{tag} id="{merge}"/>""");
                for (var i = 0; i < branches; i++)
                {
                    var (f, l) = Block(scope, depth - 1);
                    if (exclusive && i == branches - 1)
                        scope.Append($"""<sequenceFlow id="{defaultFlow}" sourceRef="{split}" targetRef="{f}"/>""");
                    else
                        Flow(scope, split, f, inclusive ? $"=r >= {i}" : exclusive ? $"=r = {i}" : null);
                    Flow(scope, l, merge);
                }
                return (split, merge);
            }
            case 7:
            {
                var sub = Id("sub");
                var inner = new StringBuilder();
                var start = Id("s");
                var end = Id("e");
                inner.Append($"""<startEvent id="{start}"/><endEvent id="{end}"/>""");
                var (f, l) = Block(inner, depth - 1);
                Flow(inner, start, f);
                Flow(inner, l, end);
                scope.Append($"""<subProcess id="{sub}">{inner}</subProcess>""");
                return (sub, sub);
            }
            case 8 or 9:
            {
                // a task with a boundary event whose path merges back after the task
                var task = Id(choice == 8 ? "tuser" : "tjob");
                var boundary = Id("b");
                var merge = Id("bmerge");
                var after = Id("after");
                scope.Append(choice == 8
                    ? $"""<userTask id="{task}"><extensionElements><zeebe:assignmentDefinition assignee="x"/></extensionElements></userTask>"""
                    : $"""<serviceTask id="{task}"><extensionElements><zeebe:taskDefinition type="t"/></extensionElements></serviceTask>""");
                var interrupting = choice == 9 || _random.Next(2) == 0;
                scope.Append(choice == 9
                    ? $"""<boundaryEvent id="{boundary}" attachedToRef="{task}"><errorEventDefinition errorRef="err"/></boundaryEvent>"""
                    : $"""<boundaryEvent id="{boundary}" attachedToRef="{task}" cancelActivity="{(interrupting ? "true" : "false")}"><timerEventDefinition><timeDuration>PT{1 + _random.Next(60)}M</timeDuration></timerEventDefinition></boundaryEvent>""");
                if (choice == 9)
                    ErrorTasks.Add(task);
                scope.Append($"""<task id="{after}"/>""");
                Flow(scope, boundary, after);
                if (interrupting)
                {
                    scope.Append($"""<exclusiveGateway id="{merge}"/>""");
                    Flow(scope, task, merge);
                    Flow(scope, after, merge);
                    return (task, merge);
                }
                var sideEnd = Id("sideEnd");
                scope.Append($"""<endEvent id="{sideEnd}"/>""");
                Flow(scope, after, sideEnd);
                return (task, task);
            }
            case 11:
            {
                // event-based gateway: a message or a timer, whichever comes first
                var gateway = Id("eg");
                var message = Id("emsg");
                var timer = Id("etimer");
                var merge = Id("emerge");
                scope.Append($"""<eventBasedGateway id="{gateway}"/><exclusiveGateway id="{merge}"/>""");
                scope.Append($"""<intermediateCatchEvent id="{message}"><messageEventDefinition messageRef="msg"/></intermediateCatchEvent>""");
                scope.Append($"""<intermediateCatchEvent id="{timer}"><timerEventDefinition><timeDuration>PT{1 + _random.Next(60)}M</timeDuration></timerEventDefinition></intermediateCatchEvent>""");
                Flow(scope, gateway, message);
                Flow(scope, gateway, timer);
                Flow(scope, message, merge);
                Flow(scope, timer, merge);
                return (gateway, merge);
            }
            case 12:
            {
                // a receive task with a non-interrupting message boundary that may catch several messages
                var task = Id("recv");
                var boundary = Id("bmsg");
                var side = Id("sideEnd");
                scope.Append($"""<receiveTask id="{task}" messageRef="msg"/><boundaryEvent id="{boundary}" attachedToRef="{task}" cancelActivity="false"><messageEventDefinition messageRef="msg"/></boundaryEvent><endEvent id="{side}"/>""");
                Flow(scope, boundary, side);
                return (task, task);
            }
            default:
                return Single(scope, Id("mi"), id => $"""<serviceTask id="{id}"><extensionElements><zeebe:taskDefinition type="t"/></extensionElements><multiInstanceLoopCharacteristics isSequential="{(_random.Next(2) == 0 ? "true" : "false")}"><extensionElements><zeebe:loopCharacteristics inputCollection="=[1,2,3]" inputElement="i" outputCollection="out{id}" outputElement="=i"/></extensionElements></multiInstanceLoopCharacteristics></serviceTask>""");
        }
    }

    private static (string, string) Single(StringBuilder scope, string id, Func<string, string> xml)
    {
        scope.Append(xml(id));
        return (id, id);
    }
}
