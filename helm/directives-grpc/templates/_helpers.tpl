{{/* The chart's name, overridable. */}}
{{- define "directives-grpc.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's full name: <release>-<chart>, or the release name when it already holds the chart's. */}}
{{- define "directives-grpc.fullname" -}}
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

{{- define "directives-grpc.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The recommended labels, on every object. */}}
{{- define "directives-grpc.labels" -}}
helm.sh/chart: {{ include "directives-grpc.chart" . }}
{{ include "directives-grpc.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: directives-grpc
{{- end }}

{{/* The labels that select the server's pods; they never change across upgrades. */}}
{{- define "directives-grpc.selectorLabels" -}}
app.kubernetes.io/name: {{ include "directives-grpc.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "directives-grpc.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "directives-grpc.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "directives-grpc.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/* Whether the migration Job runs: only PostgreSQL is shared by the pods; SQLite files live on each pod. */}}
{{- define "directives-grpc.migrates" -}}
{{- if and .Values.migration.enabled (eq .Values.storage.provider "PostgreSql") }}true{{ end }}
{{- end }}

{{/* Non-secret configuration, as environment variables (ConfigMap data). Keys are the server's configuration keys. */}}
{{- define "directives-grpc.settings" -}}
ASPNETCORE_ENVIRONMENT: {{ .Values.environment | quote }}
ASPNETCORE_HTTP_PORTS: {{ .Values.containerPort | quote }}
Urls: {{ printf "http://+:%v" .Values.containerPort | quote }}
shutdownTimeoutSeconds: {{ .Values.shutdownTimeoutSeconds | quote }}
Storage__Provider: {{ .Values.storage.provider | quote }}
Storage__DataDirectory: {{ .Values.storage.dataDirectory | quote }}
Provinces__RegistryFile: {{ .Values.provinces.registryFile | quote }}
{{- if .Values.provinces.registry }}
Provinces__SeedFile: "/etc/directives/provinces/provinces.json"
{{- end }}
Auth__Issuer: {{ .Values.auth.issuer | quote }}
Auth__Audience: {{ .Values.auth.audience | quote }}
{{- if .Values.redis.enabled }}
Redis__Host: {{ .Values.redis.host | quote }}
Redis__Port: {{ .Values.redis.port | quote }}
{{- end }}
{{- if .Values.opentelemetry.enabled }}
OTEL_SERVICE_NAME: {{ .Values.opentelemetry.serviceName | default (include "directives-grpc.name" .) | quote }}
OTEL_EXPORTER_OTLP_ENDPOINT: {{ .Values.opentelemetry.endpoint | quote }}
OTEL_EXPORTER_OTLP_PROTOCOL: {{ .Values.opentelemetry.protocol | quote }}
{{- end }}
{{- range $key, $value := .Values.extraSettings }}
{{ $key }}: {{ $value | toString | quote }}
{{- end }}
{{- end }}

{{/* The province registry seed file (ConfigMap data), when the values give one. */}}
{{- define "directives-grpc.provinces" -}}
provinces.json: |
{{ .Values.provinces.registry | toPrettyJson | indent 2 }}
{{- end }}

{{/* Secrets and per-pod values, as environment variables of the server and the migration Job. */}}
{{- define "directives-grpc.secretEnv" -}}
{{- $storage := .Values.storage }}
{{- if and $storage.existingSecret $storage.templateKey }}
- name: Storage__ConnectionStringTemplate
  valueFrom:
    secretKeyRef:
      name: {{ $storage.existingSecret }}
      key: {{ $storage.templateKey }}
{{- end }}
{{- range $province, $key := $storage.provinceKeys }}
- name: Storage__ConnectionStrings__{{ $province }}
  valueFrom:
    secretKeyRef:
      name: {{ required "storage.existingSecret names the Secret of storage.provinceKeys" $storage.existingSecret }}
      key: {{ $key }}
{{- end }}
{{- if .Values.provinces.controlDatabaseKey }}
- name: Provinces__ControlDatabase
  valueFrom:
    secretKeyRef:
      name: {{ required "storage.existingSecret names the Secret of provinces.controlDatabaseKey" $storage.existingSecret }}
      key: {{ .Values.provinces.controlDatabaseKey }}
{{- end }}
{{- if .Values.auth.existingSecret }}
{{- range $index, $key := .Values.auth.signingKeyKeys }}
- name: Auth__SigningKeys__{{ $index }}
  valueFrom:
    secretKeyRef:
      name: {{ $.Values.auth.existingSecret }}
      key: {{ $key }}
{{- end }}
{{- end }}
{{- if .Values.pageTokens.existingSecret }}
- name: Api__PageTokens__SigningKey
  valueFrom:
    secretKeyRef:
      name: {{ .Values.pageTokens.existingSecret }}
      key: {{ .Values.pageTokens.signingKeyKey }}
{{- end }}
{{- if and .Values.redis.enabled .Values.redis.existingSecret }}
- name: Redis__Password
  valueFrom:
    secretKeyRef:
      name: {{ .Values.redis.existingSecret }}
      key: {{ .Values.redis.passwordKey }}
{{- end }}
{{- if .Values.opentelemetry.enabled }}
- name: K8S_POD_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.name
- name: K8S_NAMESPACE_NAME
  valueFrom:
    fieldRef:
      fieldPath: metadata.namespace
- name: K8S_NODE_NAME
  valueFrom:
    fieldRef:
      fieldPath: spec.nodeName
- name: OTEL_RESOURCE_ATTRIBUTES
  value: {{ printf "k8s.pod.name=$(K8S_POD_NAME),k8s.namespace.name=$(K8S_NAMESPACE_NAME),k8s.node.name=$(K8S_NODE_NAME),service.version=%s%s" (.Values.image.tag | default .Chart.AppVersion) (ternary (printf ",%s" .Values.opentelemetry.resourceAttributes) "" (ne .Values.opentelemetry.resourceAttributes "")) | quote }}
{{- end }}
{{- end }}

{{/* The restricted Pod Security Standard, for the server and the Job; not overridable by values. */}}
{{- define "directives-grpc.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurityContext.runAsUser }}
runAsGroup: {{ .Values.podSecurityContext.runAsGroup }}
fsGroup: {{ .Values.podSecurityContext.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "directives-grpc.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop:
    - ALL
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/* Writable places on the read-only root filesystem, and the registry seed. */}}
{{- define "directives-grpc.volumeMounts" -}}
- name: data
  mountPath: {{ .Values.storage.dataDirectory }}
- name: tmp
  mountPath: /tmp
{{- if .Values.provinces.registry }}
- name: provinces
  mountPath: /etc/directives/provinces
  readOnly: true
{{- end }}
{{- end }}
