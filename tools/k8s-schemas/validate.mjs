// Validates every document of a rendered chart (`helm template` output) against the JSON schemas of its
// kind: Kubernetes' own from `kubernetes-models`, Gateway API's (HTTPRoute, Gateway, …) from
// `@kubernetes-models/gateway-api`. A kind with no schema here is a finding, never a silent pass.
// Controllers' own kinds (crds/) are checked against their CRD's schema, unknown fields included.
// Known limit of the packages' schemas: they do not reject unknown fields (the API server does, with
// `kubectl apply --validate=strict`), so the chart's tests also check the fields they rely on.
// Usage: node validate.mjs [FILE]   (no FILE or "-": read standard input)
// Exit codes: 0 every document valid, 1 findings, 2 usage error or unreadable/unparsable input.
import { readFileSync, existsSync } from "node:fs";
import Ajv from "ajv";
import { parseAllDocuments } from "yaml";

const USAGE = "usage: node validate.mjs [FILE|-]   (the output of `helm template`)";

// API groups whose models live in a package other than kubernetes-models.
const GROUP_PACKAGES = {
  "gateway.networking.k8s.io": "@kubernetes-models/gateway-api",
};

/** The module path holding the models of one apiVersion, e.g. apps/v1 -> kubernetes-models/apps/v1. */
function modulePath(apiVersion) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  const pkg = GROUP_PACKAGES[group] ?? "kubernetes-models";
  return group ? `${pkg}/${group}/${version}` : `${pkg}/${version}`;
}

// Kinds of controllers' own CRDs, which no models package covers: the CRD's openAPIV3Schema, copied into
// crds/<group>_<version>_<Kind>.json (each file names its source). As the API server does for a structural
// schema, a field the schema does not declare is a finding.
const CRD_FOLDER = new URL("./crds/", import.meta.url);

function closed(schema) {
  if (schema && typeof schema === "object") {
    if (schema.properties && schema.additionalProperties === undefined && !schema["x-kubernetes-preserve-unknown-fields"]) {
      schema.additionalProperties = false;
    }
    Object.values(schema).forEach(closed);
  }
  return schema;
}

function crdModelFor(apiVersion, kind) {
  const file = new URL(`${apiVersion.replace("/", "_")}_${kind}.json`, CRD_FOLDER);
  if (!existsSync(file)) {
    return undefined;
  }
  const { $comment, ...schema } = JSON.parse(readFileSync(file, "utf8"));
  schema.properties.metadata = { type: "object" };
  const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(closed(schema));
  return class {
    constructor(object) {
      this.object = object;
    }

    validate() {
      if (!validate(this.object)) {
        throw new Error(validate.errors.map((e) => `data${e.instancePath} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ""}`).join(", "));
      }
    }
  };
}

async function modelFor(apiVersion, kind) {
  const crd = crdModelFor(apiVersion, kind);
  if (crd) {
    return crd;
  }
  try {
    const models = await import(modulePath(apiVersion));
    return models[kind];
  } catch (error) {
    if (error.code === "ERR_PACKAGE_PATH_NOT_EXPORTED" || error.code === "ERR_MODULE_NOT_FOUND") {
      return undefined;
    }
    throw error;
  }
}

/** Findings of one document, as "Kind/name: message" lines. */
async function check(object, index) {
  const label = `${object?.kind ?? "?"}/${object?.metadata?.name ?? `document ${index + 1}`}`;
  if (typeof object?.apiVersion !== "string" || typeof object?.kind !== "string") {
    return [`${label}: has no apiVersion or kind`];
  }
  const Model = await modelFor(object.apiVersion, object.kind);
  if (!Model) {
    return [`${label}: no schema for ${object.apiVersion} ${object.kind} in kubernetes-models, @kubernetes-models/gateway-api or crds/`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    // The validator joins every error of the document with ", ".
    return error.message.split(", ").map((message) => `${label}: ${message}`);
  }
}

async function readInput(args) {
  if (args.length > 1 || (args[0] ?? "").startsWith("--")) {
    throw Object.assign(new Error(USAGE), { exitCode: 2 });
  }
  const path = args[0] ?? "-";
  try {
    return readFileSync(path === "-" ? 0 : path, "utf8");
  } catch (error) {
    throw Object.assign(new Error(`cannot read '${path}' (${error.code ?? error.message}); pass the file helm template wrote, or pipe it in.`), { exitCode: 2 });
  }
}

async function main(args) {
  let text;
  try {
    text = await readInput(args);
  } catch (error) {
    console.error(`k8s-schemas: ${error.message}`);
    return error.exitCode ?? 2;
  }
  const documents = parseAllDocuments(text);
  const broken = documents.find((document) => document.errors.length > 0);
  if (broken) {
    console.error(`k8s-schemas: the input is not valid YAML: ${broken.errors[0].message}`);
    return 2;
  }
  const objects = documents.map((document) => document.toJS()).filter((object) => object != null);
  if (objects.length === 0) {
    console.error("k8s-schemas: the input holds no Kubernetes objects; did helm template render anything?");
    return 2;
  }
  const findings = [];
  for (const [index, object] of objects.entries()) {
    findings.push(...(await check(object, index)));
  }
  for (const finding of findings) {
    console.log(finding);
  }
  const kinds = [...new Set(objects.map((object) => object.kind))].sort().join(", ");
  console.error(`k8s-schemas: ${objects.length} object(s) checked (${kinds}), ${findings.length} finding(s)`);
  return findings.length > 0 ? 1 : 0;
}

// Set exitCode rather than calling exit so buffered output is flushed.
process.exitCode = await main(process.argv.slice(2));
