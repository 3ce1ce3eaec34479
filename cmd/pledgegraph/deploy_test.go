package main

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/goccy/go-yaml"
)

// Docker cannot run on the development machines, so these tests check what
// can be checked without it: the compose file parses and wires the expected
// services, and the Dockerfile builds the binary exactly as the Makefile does.

type composeFile struct {
	Services map[string]struct {
		Image       string            `yaml:"image"`
		Build       any               `yaml:"build"`
		Ports       []string          `yaml:"ports"`
		Environment map[string]string `yaml:"environment"`
		Volumes     []string          `yaml:"volumes"`
		DependsOn   map[string]struct {
			Condition string `yaml:"condition"`
		} `yaml:"depends_on"`
		Healthcheck *struct {
			Test []string `yaml:"test"`
		} `yaml:"healthcheck"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

func TestComposeFile(t *testing.T) {
	b, err := os.ReadFile("../../docker-compose.yml")
	if err != nil {
		t.Fatal(err)
	}
	var c composeFile
	if err := yaml.Unmarshal(b, &c); err != nil {
		t.Fatalf("docker-compose.yml does not parse: %v", err)
	}
	neo, ok := c.Services["neo4j"]
	if !ok {
		t.Fatal("no neo4j service")
	}
	if neo.Image != "neo4j:5.26-community" {
		t.Errorf("neo4j image = %q, want neo4j:5.26-community", neo.Image)
	}
	if !hasPort(neo.Ports, "7474") || !hasPort(neo.Ports, "7687") {
		t.Errorf("neo4j ports = %v, want 7474 (browser) and 7687 (bolt)", neo.Ports)
	}
	if neo.Healthcheck == nil || len(neo.Healthcheck.Test) == 0 {
		t.Error("neo4j has no healthcheck")
	}
	if !strings.Contains(neo.Environment["NEO4J_AUTH"], "${NEO4J_PASSWORD") {
		t.Errorf("neo4j credentials must come from the environment, got NEO4J_AUTH=%q", neo.Environment["NEO4J_AUTH"])
	}
	if len(neo.Volumes) == 0 || !strings.HasSuffix(neo.Volumes[0], ":/data") {
		t.Errorf("neo4j volumes = %v, want a named volume on /data", neo.Volumes)
	} else if _, ok := c.Volumes[strings.Split(neo.Volumes[0], ":")[0]]; !ok {
		t.Errorf("volume %q is not declared as a named volume", neo.Volumes[0])
	}
	// The image appends server.jvm.additional to its own lines, one of
	// which selects G1; a second collector without -XX:-UseG1GC stops the
	// JVM at start ("Multiple garbage collectors selected").
	if jvm := neo.Environment["NEO4J_server_jvm_additional"]; strings.Contains(jvm, "+UseZGC") && !strings.Contains(jvm, "-XX:-UseG1GC") {
		t.Errorf("NEO4J_server_jvm_additional = %q selects ZGC without -XX:-UseG1GC", jvm)
	}
	api, ok := c.Services["api"]
	if !ok {
		t.Fatal("no api service")
	}
	if api.Build == nil {
		t.Error("api service is not built from the repo's Dockerfile")
	}
	if api.DependsOn["neo4j"].Condition != "service_healthy" {
		t.Error("api must wait for a healthy neo4j")
	}
	if !hasPort(api.Ports, "8080") {
		t.Errorf("api ports = %v, want 8080", api.Ports)
	}
	if api.Environment["NEO4J_URI"] != "bolt://neo4j:7687" {
		t.Errorf("api NEO4J_URI = %q", api.Environment["NEO4J_URI"])
	}
}

func hasPort(ports []string, port string) bool {
	for _, p := range ports {
		if strings.HasSuffix(p, ":"+port) {
			return true
		}
	}
	return false
}

func TestDockerfileBuildsLikeMakefile(t *testing.T) {
	mk, err := os.ReadFile("../../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	df, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^GOBUILD := (.+)$`).FindSubmatch(mk)
	if m == nil {
		t.Fatal("Makefile has no GOBUILD := line")
	}
	want := "RUN " + string(m[1])
	if !strings.Contains(string(df), want+"\n") {
		t.Errorf("Dockerfile does not build with the Makefile's command; want a line %q", want)
	}
	if !strings.Contains(string(df), "FROM golang:1.26") {
		t.Error("Dockerfile does not build with Go 1.26")
	}
}
