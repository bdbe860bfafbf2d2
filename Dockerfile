# Build with the project's own Maven wrapper, run on a JRE as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B -q package -DskipTests && cp target/pipeline-crm-*.jar /app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app crm
WORKDIR /app
COPY --from=build /app.jar /app/app.jar
USER crm
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
