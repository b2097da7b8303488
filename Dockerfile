# One image for every crosscheck process; docker-compose.yml picks the command.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /crosscheck ./cmd/crosscheck

# nonroot: uid 65532; nothing is written but what NATS stores.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /crosscheck /crosscheck
USER nonroot:nonroot
ENTRYPOINT ["/crosscheck"]
