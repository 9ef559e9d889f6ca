global using Pppk.Workflow.Engine.Tests.Support;
global using static Pppk.Workflow.Engine.Tests.Support.Bpmn;
