{{/*
Chart name, truncated to 63 characters (the DNS label limit of Kubernetes names).
*/}}
{{- define "migration-fleet.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: <release>-<chart>, or the release name alone when it already holds the chart name.
*/}}
{{- define "migration-fleet.fullname" -}}
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

{{- define "migration-fleet.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of every object.
*/}}
{{- define "migration-fleet.labels" -}}
helm.sh/chart: {{ include "migration-fleet.chart" . }}
{{ include "migration-fleet.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: migration-fleet
{{- end }}

{{/*
Labels that select the release's pods; the component tells workers from producer Job pods.
*/}}
{{- define "migration-fleet.selectorLabels" -}}
app.kubernetes.io/name: {{ include "migration-fleet.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "migration-fleet.workerSelectorLabels" -}}
{{ include "migration-fleet.selectorLabels" . }}
app.kubernetes.io/component: worker
{{- end }}

{{- define "migration-fleet.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "migration-fleet.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "migration-fleet.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/*
The Secret holding the credentials: the user's existing one, or the chart's.
*/}}
{{- define "migration-fleet.secretName" -}}
{{- .Values.credentials.existingSecret | default (printf "%s-credentials" (include "migration-fleet.fullname" .)) }}
{{- end }}

{{/*
The enqueue Job is named after its run, so one run id is one Job (a Job's pod template cannot change).
*/}}
{{- define "migration-fleet.enqueueJobName" -}}
{{- $run := regexReplaceAll "[^a-z0-9-]+" (.Values.producerJob.runId | toString | lower) "-" }}
{{- printf "%s-enqueue-%s" (include "migration-fleet.fullname" .) $run | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "migration-fleet.configMapName" -}}
{{- printf "%s-config" (include "migration-fleet.fullname" .) }}
{{- end }}

{{/*
Seconds in a Dropwizard duration ("25 seconds", "1 minute", "500ms"), rounded up.
*/}}
{{- define "migration-fleet.durationSeconds" -}}
{{- $text := . | toString | trim | lower }}
{{- if not (regexMatch "^[0-9]+ *[a-z]+$" $text) }}
{{- fail (printf "cannot read %q as a duration such as \"25 seconds\"" $text) }}
{{- end }}
{{- $amount := regexFind "^[0-9]+" $text | int }}
{{- $unit := regexReplaceAll "^[0-9]+ *" $text "" }}
{{- if has $unit (list "ms" "millisecond" "milliseconds") }}
{{- div (add $amount 999) 1000 }}
{{- else if has $unit (list "s" "second" "seconds") }}
{{- $amount }}
{{- else if has $unit (list "m" "minute" "minutes") }}
{{- mul $amount 60 }}
{{- else if has $unit (list "h" "hour" "hours") }}
{{- mul $amount 3600 }}
{{- else }}
{{- fail (printf "cannot read %q as a duration: unit %q is not ms, seconds, minutes or hours" $text $unit) }}
{{- end }}
{{- end }}

{{/*
Grace period between SIGTERM and SIGKILL: long enough for the worker to drain its in-flight shards
(WORKER_SHUTDOWN_GRACE_PERIOD) after its HTTP server stopped (WORKER_SERVER_GRACE_PERIOD).
*/}}
{{- define "migration-fleet.terminationGracePeriodSeconds" -}}
{{- $drain := include "migration-fleet.durationSeconds" (.Values.config.WORKER_SHUTDOWN_GRACE_PERIOD | default "25 seconds") | int }}
{{- $server := include "migration-fleet.durationSeconds" (.Values.config.WORKER_SERVER_GRACE_PERIOD | default "30 seconds") | int }}
{{- if or (kindIs "invalid" .Values.terminationGracePeriodSeconds) (eq (toString .Values.terminationGracePeriodSeconds) "") }}
{{- add $drain $server 5 }}
{{- else }}
{{- $given := .Values.terminationGracePeriodSeconds | int }}
{{- if le $given (add $drain 5) }}
{{- fail (printf "terminationGracePeriodSeconds (%d) must exceed WORKER_SHUTDOWN_GRACE_PERIOD (%d s) by more than 5 seconds, or Kubernetes kills workers while they drain their shards" $given $drain) }}
{{- end }}
{{- $given }}
{{- end }}
{{- end }}

{{/*
Environment of the worker and producer containers: the ConfigMap, the credentials one key at a
time (a missing key stops the pod with a clear event instead of starting it without a password).
*/}}
{{- define "migration-fleet.credentialsEnv" -}}
- name: AMQP_URI
  valueFrom:
    secretKeyRef:
      name: {{ include "migration-fleet.secretName" . }}
      key: {{ .Values.credentials.keys.amqpUri }}
- name: SOURCE_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "migration-fleet.secretName" . }}
      key: {{ .Values.credentials.keys.sourceDbPassword }}
- name: TARGET_DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "migration-fleet.secretName" . }}
      key: {{ .Values.credentials.keys.targetDbPassword }}
{{- end }}

{{- define "migration-fleet.javaToolOptions" -}}
{{- $options := list "-XX:+ExitOnOutOfMemoryError" (printf "-XX:MaxRAMPercentage=%v" .Values.jvm.maxRamPercentage) }}
{{- if .Values.jvm.garbageCollector }}
{{- $options = append $options (printf "-XX:+Use%sGC" .Values.jvm.garbageCollector) }}
{{- end }}
{{- if .Values.jvm.extraOptions }}
{{- $options = append $options .Values.jvm.extraOptions }}
{{- end }}
{{- join " " $options }}
{{- end }}

{{/*
Refuses values that cannot work together, with one line saying what to change.
*/}}
{{- define "migration-fleet.validate" -}}
{{- if and .Values.hpa.enabled .Values.keda.enabled }}
{{- fail "hpa.enabled and keda.enabled are both true: choose one autoscaler (KEDA's ScaledObject creates its own HPA, and two HPAs on one Deployment fight over its replicas)" }}
{{- end }}
{{- if not (has .Values.keda.rabbitmq.protocol (list "amqp" "http")) }}
{{- fail (printf "keda.rabbitmq.protocol must be amqp or http, not %q" .Values.keda.rabbitmq.protocol) }}
{{- end }}
{{- if and .Values.jvm.garbageCollector (not (has .Values.jvm.garbageCollector (list "Serial" "Parallel" "G1" "Z" "Shenandoah"))) }}
{{- fail (printf "jvm.garbageCollector must be Serial, Parallel, G1, Z, Shenandoah or empty (it becomes -XX:+Use<name>GC), not %q" .Values.jvm.garbageCollector) }}
{{- end }}
{{- if not .Values.config.FLEET_NAME }}
{{- fail "config.FLEET_NAME must be set: it names the work queue (<FLEET_NAME>.work)" }}
{{- end }}
{{- end }}

{{/*
What the producer's containers share: environment, security and /tmp. Ends with the volumeMounts
list so that a container can add its own mounts after it.
*/}}
{{- define "migration-fleet.producerContainerBody" -}}
securityContext:
  {{- toYaml .Values.securityContext | nindent 2 }}
envFrom:
  - configMapRef:
      name: {{ include "migration-fleet.configMapName" . }}
env:
  - name: JAVA_TOOL_OPTIONS
    value: {{ include "migration-fleet.javaToolOptions" . | quote }}
  {{- include "migration-fleet.credentialsEnv" . | nindent 2 }}
volumeMounts:
  - name: tmp
    mountPath: /tmp
{{- end }}
