return await Erds.Cli.CliApp.Build().Parse(args).InvokeAsync();
