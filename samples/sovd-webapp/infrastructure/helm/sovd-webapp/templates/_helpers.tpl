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
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
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
{{- if and (not $canary.enabled) (gt (int $canary.weight) 0) }}
{{- fail (printf "canary.weight is %v but canary.enabled is false: set canary.enabled=true on the canary release, or leave canary.weight at 0 on the stable release" $canary.weight) }}
{{- end }}
{{- if and $canary.enabled (not .Values.ingress.enabled) }}
{{- fail "canary.enabled=true needs ingress.enabled=true: the canary only receives traffic through its ingress-nginx canary Ingress" }}
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

{{/* Replica count: the canary release runs canary.replicaCount pods per component. */}}
{{- define "sovd.replicas" -}}
{{- if .root.Values.canary.enabled }}
{{- .root.Values.canary.replicaCount }}
{{- else }}
{{- (index .root.Values .component).replicaCount }}
{{- end }}
{{- end }}
