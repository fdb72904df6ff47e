# syntax=docker/dockerfile:1
# NetwerkLive server image (single node, in-memory store).
#   docker build -t netwerklive .
#   docker run -p 8080:8080 -e Auth__SigningKey=... netwerklive

# ---------- build ----------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build

# Node.js/npm: the publish bundles the browser client (ClientApp) with npm and esbuild.
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*

ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

WORKDIR /src

# Restore first from only the build settings and project files, so this layer
# stays cached until a dependency changes. (.editorconfig sets analyzer
# severities, which matter with TreatWarningsAsErrors; the server project
# imports ClientApp.targets.)
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig NetwerkLive.sln ./
COPY src/NetwerkLive.Contracts/NetwerkLive.Contracts.csproj src/NetwerkLive.Contracts/
COPY src/NetwerkLive.Server/NetwerkLive.Server.csproj src/NetwerkLive.Server/
COPY src/NetwerkLive.Server/ClientApp/ClientApp.targets src/NetwerkLive.Server/ClientApp/
COPY src/NetwerkLive.Client/NetwerkLive.Client.csproj src/NetwerkLive.Client/
RUN dotnet restore src/NetwerkLive.Server/NetwerkLive.Server.csproj

# The web client's npm packages: their own layer, cached until package*.json change.
COPY src/NetwerkLive.Server/ClientApp/package.json src/NetwerkLive.Server/ClientApp/package-lock.json src/NetwerkLive.Server/ClientApp/.npmrc src/NetwerkLive.Server/ClientApp/
RUN cd src/NetwerkLive.Server/ClientApp && npm ci --no-audit --no-fund

COPY src/ src/
# COPY keeps the files' times from the build context, which may be newer than that cached layer:
# mark node_modules as installed from this package-lock.json so the publish does not run npm ci again.
# The publish then bundles the client (ClientApp.targets) into wwwroot/js.
RUN touch src/NetwerkLive.Server/ClientApp/node_modules/.package-lock.json \
    && dotnet publish src/NetwerkLive.Server -c Release -o /app --no-restore

# ---------- runtime ----------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./

# Configure with environment variables, e.g. Auth__SigningKey (without it a
# random key is generated per start, so tokens do not survive a restart) and,
# later, Redis__ConnectionString for scale-out.
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080

# No HEALTHCHECK: the aspnet image has no curl/wget. Orchestrators should probe
# GET /healthz on port 8080 instead.

# Non-root user provided by the .NET base images.
USER $APP_UID
ENTRYPOINT ["dotnet", "NetwerkLive.Server.dll"]
