# syntax=docker/dockerfile:1
# One image for the fleet: the worker (default command) and the producer CLI.
#   docker build -t migration-fleet:0.1.0 .
#   docker run migration-fleet:0.1.0                                   # a worker
#   docker run migration-fleet:0.1.0 -jar /app/producer.jar --help     # the producer
#   docker run --entrypoint producer migration-fleet:0.1.0 --help      # the same, shorter
# The Helm chart (helm/migration-fleet) and docker-compose.yml run this image; DockerfileTest
# checks the invariants they rely on.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY common/ common/
COPY producer/ producer/
COPY worker/ worker/
COPY deploy/ deploy/
# The cache mount keeps downloaded artifacts between builds; tests run in CI, not here.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# A fixed numeric uid/gid, the one the chart's securityContext names (runAsUser: 10001).
RUN groupadd --system --gid 10001 migration \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin migration
# `producer COMMAND …` for operators in a shell or `kubectl exec` (the chart's cli pod).
RUN printf '#!/bin/sh\nexec java -jar /app/producer.jar "$@"\n' > /usr/local/bin/producer \
 && chmod 755 /usr/local/bin/producer
WORKDIR /app
COPY --from=build /src/worker/target/worker.jar /src/producer/target/producer.jar /src/worker/worker.yml /app/
USER 10001:10001
# Container-aware heap (a share of the memory limit), a clean exit on OutOfMemoryError, and the
# throughput collector (less CPU per row than G1: docs/BENCHMARKS.md).
ENV JAVA_TOOL_OPTIONS="-XX:+ExitOnOutOfMemoryError -XX:MaxRAMPercentage=70 -XX:+UseParallelGC"
# Application port (WORKER_HTTP_PORT) and admin port (WORKER_ADMIN_PORT: /metrics, health checks).
EXPOSE 8080 8081
# Exec form: the JVM is PID 1 and gets SIGTERM directly, so the worker drains its shards.
ENTRYPOINT ["java"]
CMD ["-jar", "/app/worker.jar", "server", "/app/worker.yml"]
