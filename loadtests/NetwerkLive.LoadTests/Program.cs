using NetwerkLive.LoadTests;

// dotnet run -c Release --project loadtests/NetwerkLive.LoadTests -- <scenario> [options]; see loadtests/README.md.
return await LoadTestApp.RunAsync(args);
