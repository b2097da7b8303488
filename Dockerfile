# One image for every crosscheck process; docker-compose.yml picks the command.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -o /crosscheck ./cmd/crosscheck

FROM gcr.io/distroless/static-debian12
COPY --from=build /crosscheck /crosscheck
ENTRYPOINT ["/crosscheck"]
