# syntax=docker/dockerfile:1
# Directives.Server as a container: h2c (gRPC over cleartext HTTP/2) on port 8080, as a non-root user, on a
# read-only root filesystem, with no shell at runtime. Build from the repository root:
#   docker build -t directives-grpc:0.1.0 .
# The CI machines of this repository have no container engine, so this file is not built there: it keeps to
# the standard .NET multi-stage pattern so that any engine (Docker, BuildKit, Podman, Kaniko) builds it.

# ---- build: restore and publish with the SDK ----
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so the restore layer is reused while only sources change.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/Directives.Contracts/Directives.Contracts.csproj src/Directives.Contracts/
COPY src/Directives.Data/Directives.Data.csproj src/Directives.Data/
COPY src/Directives.Domain/Directives.Domain.csproj src/Directives.Domain/
COPY src/Directives.Server/Directives.Server.csproj src/Directives.Server/
COPY src/Directives.Transport/Directives.Transport.csproj src/Directives.Transport/
COPY src/Directives.Transport.AspNetCore/Directives.Transport.AspNetCore.csproj src/Directives.Transport.AspNetCore/
COPY src/Directives.Transport.GracefulShutdown/Directives.Transport.GracefulShutdown.csproj src/Directives.Transport.GracefulShutdown/
COPY src/Directives.Transport.HealthChecks/Directives.Transport.HealthChecks.csproj src/Directives.Transport.HealthChecks/
COPY src/Directives.Transport.Reflection/Directives.Transport.Reflection.csproj src/Directives.Transport.Reflection/
COPY src/Directives.Transport.RichStatus/Directives.Transport.RichStatus.csproj src/Directives.Transport.RichStatus/
RUN dotnet restore src/Directives.Server/Directives.Server.csproj

COPY protos/ protos/
COPY src/ src/
RUN dotnet publish src/Directives.Server/Directives.Server.csproj --no-restore -c Release -o /app /p:UseAppHost=false

# ---- runtime: ASP.NET Core on Ubuntu chiseled ----
# "chiseled" has no shell and no package manager and runs as the non-root user "app" (uid 1654);
# "-extra" adds ICU and tzdata, which the server needs (Vietnamese collation and folding, Asia/Ho_Chi_Minh).
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build --chown=1654:1654 /app ./

# The server binds HTTP/2 only (h2c with prior knowledge) unless Kestrel:EndpointDefaults:Protocols says otherwise.
# "Urls" (an application setting, not ASPNETCORE_URLS) because appsettings.json sets Urls to localhost:5000 for
# development, and environment variables without prefix override appsettings.json.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Urls=http://+:8080 \
    Storage__DataDirectory=/var/lib/directives/data \
    Provinces__RegistryFile=/var/lib/directives/data/provinces.json
EXPOSE 8080

# Nothing is written under /app: the data folder and /tmp are volumes (emptyDir in the Helm chart), so the
# root filesystem can be read-only (readOnlyRootFilesystem: true).
VOLUME ["/var/lib/directives/data", "/tmp"]
USER 1654:1654

# Exec form: the server is PID 1 and receives SIGTERM directly (graceful drain). `migrate` as an argument
# runs the migrations and exits (the chart's pre-install/pre-upgrade Job).
ENTRYPOINT ["dotnet", "Directives.Server.dll"]
