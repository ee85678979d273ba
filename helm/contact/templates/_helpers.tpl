{{/* The chart name, or nameOverride. */}}
{{- define "contact.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release-qualified name every resource starts with. */}}
{{- define "contact.fullname" -}}
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

{{- define "contact.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Name of one service's resources: <fullname>-<service>. Call with (dict "root" $ "service" "consent"). */}}
{{- define "contact.serviceName" -}}
{{- printf "%s-%s" (include "contact.fullname" .root) .service | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Kubernetes recommended labels of one service. */}}
{{- define "contact.labels" -}}
helm.sh/chart: {{ include "contact.chart" .root }}
{{ include "contact.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: contact-eds
{{- end }}

{{- define "contact.selectorLabels" -}}
app.kubernetes.io/name: {{ include "contact.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .service }}
{{- end }}

{{/* Labels of the chart's own, service-independent resources. */}}
{{- define "contact.commonLabels" -}}
helm.sh/chart: {{ include "contact.chart" . }}
app.kubernetes.io/name: {{ include "contact.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: contact-eds
{{- end }}

{{- define "contact.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "contact.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The image of one service. */}}
{{- define "contact.image" -}}
{{- printf "%s%s%s:%s" .root.Values.image.registry .root.Values.image.repositoryPrefix .service (default .root.Chart.AppVersion .root.Values.image.tag) }}
{{- end }}
