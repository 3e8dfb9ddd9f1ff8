# Newswire components as one image; docker-compose.yml runs it as gateway, processing and init services.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q install -DskipTests -DskipITs \
 && ./mvnw -B -q -pl modules/launcher dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/lib

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/modules/launcher/target/lib/ lib/
COPY --from=build /src/modules/launcher/target/classes/ classes/
COPY --from=build /src/schemas/ schemas/
ENTRYPOINT ["java", "-cp", "/app/classes:/app/lib/*", "io.newswire.launcher.Newswire"]
