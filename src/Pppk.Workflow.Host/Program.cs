using Microsoft.Extensions.Options;
using Pppk.Workflow.Host;
using Pppk.Workflow.Runtime.Database;
using Serilog;

// Stage one: a console logger for start-up; PppkHost replaces it with the configured one (stage two).
Log.Logger = new LoggerConfiguration()
    .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
    .CreateBootstrapLogger();

// A crash on any thread still gets its last lines out of the log buffers.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    Log.Fatal(e.ExceptionObject as Exception, "Pppk.Workflow crashed");
    Log.CloseAndFlush();
};

try
{
    // Host commands (import, seed) run on the same database and exit; anything else starts the host.
    if (Pppk.Workflow.Host.Commands.HostCommands.IsCommand(args))
        return await Pppk.Workflow.Host.Commands.HostCommands.RunAsync(args, Console.Out);
    await using var running = await PppkHost.StartAsync(args);
    await running.Host.WaitForShutdownAsync();
    return 0;
}
catch (Exception e) when (e is EmbeddedPostgresException or OptionsValidationException or InvalidOperationException { Source: "Pppk.Workflow.Host" })
{
    // A problem the user can fix: say it plainly, no stack trace.
    Log.Fatal("Pppk.Workflow cannot start: {Problem}", e.Message);
    return 1;
}
catch (Exception e)
{
    Log.Fatal(e, "Pppk.Workflow stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}
