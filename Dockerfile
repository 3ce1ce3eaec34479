# syntax=docker/dockerfile:1
# Multi-stage build of the pledgegraph binary; docker-compose.yml runs it
# beside neo4j:5.26-community. The build command is the Makefile's (GOBUILD);
# cmd/pledgegraph/deploy_test.go keeps the two in step.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -o bin/pledgegraph ./cmd/pledgegraph

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /src/bin/pledgegraph /usr/local/bin/pledgegraph
COPY corpus /corpus
EXPOSE 8080
ENV PLEDGEGRAPH_ADDR=:8080
ENTRYPOINT ["/usr/local/bin/pledgegraph"]
CMD ["serve", "--ingest", "/corpus"]
