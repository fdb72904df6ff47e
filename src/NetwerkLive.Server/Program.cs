using NetwerkLive.Server.AfterLive;
using NetwerkLive.Server.AsksAndOffers;
using NetwerkLive.Server.Auth;
using NetwerkLive.Server.Breakouts;
using NetwerkLive.Server.Cluster;
using NetwerkLive.Server.Coffees;
using NetwerkLive.Server.Events;
using NetwerkLive.Server.Limits;
using NetwerkLive.Server.Localization;
using NetwerkLive.Server.Observability;
using NetwerkLive.Server.Schedule;
using NetwerkLive.Server.Storage;
using NetwerkLive.Server.Video;
using NetwerkLive.Server.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddObservability();
builder.AddLanguages();
builder.AddCluster();
builder.AddStorage();
builder.AddEventAuth();
builder.AddEvents();
builder.AddBreakouts();
builder.AddLimits();
builder.AddVideo();
builder.AddSchedule();
builder.AddAfterLive();
builder.AddAsksAndOffers();
builder.AddCoffees();

var app = builder.Build();

app.UseLanguages();
app.UseObservability();
app.UseLimits();
app.MapWebClient();
app.UseAuthentication();
app.UseAuthorization();
app.MapEventAuth();
app.MapEvents();
app.MapBreakouts();
app.MapSchedule();
app.MapCoffees();

app.Run();
