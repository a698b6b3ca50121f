{{/* Chart name, overridable. */}}
{{- define "sovd.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Release-scoped base name. A release whose name already contains the chart name
(sovd-webapp, sovd-webapp-canary) is used as is, so stable and canary objects
never share a name.
*/}}
{{- define "sovd.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- include "sovd.fullnameOf" (dict "root" . "release" .Release.Name) }}
{{- end }}
{{- end }}

{{/* The base name another release of this chart gets; call with (dict "root" $ "release" NAME). */}}
{{- define "sovd.fullnameOf" -}}
{{- $name := default .root.Chart.Name .root.Values.nameOverride }}
{{- if contains $name .release }}
{{- .release | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .release $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{/*
The other release of the canary pair: canary.peerRelease when set, else the pipeline's naming
(the canary of R is R-canary; the stable release of R-canary is R).
*/}}
{{- define "sovd.peerRelease" -}}
{{- if .Values.canary.peerRelease }}
{{- .Values.canary.peerRelease }}
{{- else if .Values.canary.enabled }}
{{- if not (hasSuffix "-canary" .Release.Name) }}
{{- fail (printf "canary release %q does not end in -canary, so its stable release cannot be derived: set canary.peerRelease to the stable release's name" .Release.Name) }}
{{- end }}
{{- trimSuffix "-canary" .Release.Name }}
{{- else }}
{{- printf "%s-canary" (include "sovd.routeTarget" .) }}
{{- end }}
{{- end }}

{{/* The release the traffic objects belong to: traffic.routeFor on a route release, else this release. */}}
{{- define "sovd.routeTarget" -}}
{{- default .Release.Name .Values.traffic.routeFor }}
{{- end }}

{{/* Whether this release is a route release ("true" or ""): it renders the traffic objects only. */}}
{{- define "sovd.routeOnly" -}}
{{- if .Values.traffic.routeFor }}true{{ end }}
{{- end }}

{{/* Base name of the traffic objects: the stable release's, also when a route release renders them. */}}
{{- define "sovd.trafficName" -}}
{{- if .Values.traffic.routeFor }}
{{- include "sovd.fullnameOf" (dict "root" . "release" .Values.traffic.routeFor) }}
{{- else }}
{{- include "sovd.fullname" . }}
{{- end }}
{{- end }}

{{/* The stable Service of one component the traffic objects send to; call with (dict "root" $ "component" "backend"). */}}
{{- define "sovd.targetComponentName" -}}
{{- printf "%s-%s" (include "sovd.trafficName" .root | trunc 54 | trimSuffix "-") .component }}
{{- end }}

{{/* Name of one component's objects in the peer release; call with (dict "root" $ "component" "frontend"). */}}
{{- define "sovd.peerComponentName" -}}
{{- $peer := include "sovd.fullnameOf" (dict "root" .root "release" (include "sovd.peerRelease" .root)) }}
{{- printf "%s-%s" ($peer | trunc 54 | trimSuffix "-") .component }}
{{- end }}

{{/* Name of one component's objects; call with (dict "root" $ "component" "backend"). */}}
{{- define "sovd.componentName" -}}
{{- printf "%s-%s" (include "sovd.fullname" .root | trunc 54 | trimSuffix "-") .component }}
{{- end }}

{{- define "sovd.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* "canary" for the canary release, "stable" otherwise. */}}
{{- define "sovd.track" -}}
{{- if .Values.canary.enabled }}canary{{ else }}stable{{ end }}
{{- end }}

{{/* Selector labels; the release instance keeps stable and canary pods apart. */}}
{{- define "sovd.selectorLabels" -}}
app.kubernetes.io/name: {{ include "sovd.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* Full label set; call with (dict "root" $ "component" "backend"). */}}
{{- define "sovd.labels" -}}
helm.sh/chart: {{ include "sovd.chart" .root }}
{{ include "sovd.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: {{ include "sovd.name" .root }}
sovd.io/track: {{ include "sovd.track" .root }}
{{- end }}

{{/*
Pod template labels: without the chart's version, so a chart release alone (or a canary weight step, which
re-renders the stable release with the new chart) never restarts pods.
*/}}
{{- define "sovd.podLabels" -}}
{{ include "sovd.selectorLabels" . }}
app.kubernetes.io/part-of: {{ include "sovd.name" .root }}
sovd.io/track: {{ include "sovd.track" .root }}
{{- end }}

{{/*
Image reference: registry/owner/repository, then @digest when set, else :tag.
Call with (dict "root" $ "image" .Values.backend.image).
*/}}
{{- define "sovd.image" -}}
{{- $parts := list }}
{{- with .root.Values.global.imageRegistry }}{{ $parts = append $parts . }}{{ end }}
{{- with .root.Values.global.imageOwner }}{{ $parts = append $parts . }}{{ end }}
{{- $parts = append $parts .image.repository }}
{{- $repo := join "/" $parts }}
{{- if .image.digest }}
{{- printf "%s@%s" $repo .image.digest }}
{{- else }}
{{- printf "%s:%s" $repo (toString .image.tag) }}
{{- end }}
{{- end }}

{{/* Pod-level security context; call with the component's UID. */}}
{{- define "sovd.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ . }}
runAsGroup: {{ . }}
fsGroup: {{ . }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Container-level security context; call with the component's UID. */}}
{{- define "sovd.containerSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ . }}
runAsGroup: {{ . }}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop:
    - ALL
{{- end }}

{{/*
Checks that the schema cannot express; rendered from the backend Deployment so
every install and template run hits it.
*/}}
{{- define "sovd.validate" -}}
{{- $canary := .Values.canary }}
{{- if and $canary.enabled $canary.live }}
{{- fail "canary.live=true is for the stable release (it routes traffic to its canary), but this release has canary.enabled=true: set canary.live only on the stable release" }}
{{- end }}
{{- if and (not $canary.enabled) (not $canary.live) (gt (int $canary.weight) 0) }}
{{- fail (printf "canary.weight is %v on the stable release but canary.live is false: set canary.live=true while a canary release is installed, or leave canary.weight at 0" $canary.weight) }}
{{- end }}
{{- if and .Values.traffic.routeFor $canary.enabled }}
{{- fail "traffic.routeFor makes a route release, but this release has canary.enabled=true: a canary release renders no traffic objects" }}
{{- end }}
{{- if and .Values.traffic.routeFor (not .Values.traffic.enabled) }}
{{- fail "traffic.routeFor makes a route release, which renders nothing but traffic objects: it needs traffic.enabled=true" }}
{{- end }}
{{- if and $canary.live (not .Values.traffic.enabled) }}
{{- fail "canary.live=true needs traffic.enabled=true: the canary only receives requests through the stable release's traffic objects" }}
{{- end }}
{{- if eq (dir .Values.backend.dbPath) "/tmp" }}
{{- fail (printf "backend.dbPath (%s) must not be directly in /tmp: /tmp is a separate scratch volume; use e.g. /var/lib/sovd/sovd.db" .Values.backend.dbPath) }}
{{- end }}
{{- if and .Values.podDisruptionBudget.enabled (not $canary.enabled) }}
{{- range $component := list "backend" "frontend" }}
{{- $replicas := int (index $.Values $component).replicaCount }}
{{- $min := $.Values.podDisruptionBudget.minAvailable }}
{{- if and (not (kindIs "string" $min)) (ge (int $min) $replicas) }}
{{- fail (printf "podDisruptionBudget.minAvailable (%v) must be below %s.replicaCount (%d), otherwise no pod can ever be evicted: raise %s.replicaCount or disable podDisruptionBudget" $min $component $replicas $component) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Replica count. The canary release grows with its weight, so 50 % and 100 % never sit on one pod:
ceil(<component>.replicaCount x canary.weight / 100), at least 1 (integer arithmetic only), unless
canary.replicaCount pins it.
*/}}
{{- define "sovd.replicas" -}}
{{- $replicas := int (index .root.Values .component).replicaCount }}
{{- if and .root.Values.canary.enabled (gt (int .root.Values.canary.replicaCount) 0) }}
{{- .root.Values.canary.replicaCount }}
{{- else if .root.Values.canary.enabled }}
{{- max 1 (div (add (mul $replicas (int .root.Values.canary.weight)) 99) 100) }}
{{- else }}
{{- $replicas }}
{{- end }}
{{- end }}

{{/* Whether the stable release routes to a canary right now ("true" or ""). */}}
{{- define "sovd.routesToCanary" -}}
{{- if and .Values.canary.live (not .Values.canary.enabled) }}true{{ end }}
{{- end }}

{{/* Whether this release renders traffic objects: only the stable release does ("true" or ""). */}}
{{- define "sovd.ownsTraffic" -}}
{{- if and .Values.traffic.enabled (not .Values.canary.enabled) }}true{{ end }}
{{- end }}

{{/*
Graceful stop (README.md, "Graceful shutdown"). A terminating pod is removed from its Service's endpoints while the
kubelet runs the preStop hook; the hook's sleep keeps the container serving until Gateways and load balancers have
dropped it, then the container gets its stop signal: SIGTERM for uvicorn, which stops accepting and finishes the
requests in flight; the frontend image's STOPSIGNAL SIGQUIT for nginx, whose graceful stop that is (SIGTERM would be
nginx's fast shutdown, nginx.org/en/docs/control.html). "The Pod's termination grace period countdown begins before
the PreStop hook is executed" (Kubernetes API, Lifecycle.preStop; kubernetes.io/docs/concepts/containers/
container-lifecycle-hooks), so the grace period is the sleep plus the drain; all read 2026-12-07. An exec sleep, not
the preStop sleep action, which clusters before Kubernetes 1.30 lack.
*/}}
{{- define "sovd.preStop" -}}
preStop:
  exec:
    command: ["sleep", {{ .Values.shutdown.preStopSleepSeconds | int | toString | quote }}]
{{- end }}

{{- define "sovd.terminationGrace" -}}
{{- add (int .Values.shutdown.preStopSleepSeconds) (int .Values.shutdown.drainSeconds) }}
{{- end }}

{{/* The path a load balancer's health check asks of one component: 200 only when it can serve. */}}
{{- define "sovd.healthCheckPath" -}}
{{- if eq . "backend" }}/health/ready{{ else }}/healthz{{ end }}
{{- end }}
