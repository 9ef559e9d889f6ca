namespace Pppk.Workflow.Engine.Feel;

/// <summary>The FEEL type of a value (DMN 1.5 §10.3.2).</summary>
public enum FeelType
{
    Null,
    Number,
    String,
    Boolean,
    Date,
    Time,
    DateTime,
    DaysAndTimeDuration,
    YearsAndMonthsDuration,
    List,
    Context,
    Range,
    Function,
}
