// A form for a flow's parameters: typed inputs for the JSON Schema subset flowrun stores (what
// `flowrun register` derives from type annotations: string, integer, number, boolean, enum,
// each possibly nullable), and a JSON editor for anything else (lists, objects, unions).
// A full JSON Schema form library would need a validator compiled with `new Function`, which
// the UI's Content-Security-Policy forbids; the server validates every run against the schema.

export interface Declared { name: string; required?: boolean; default?: unknown }
type Kind = "string" | "integer" | "number" | "boolean" | "enum" | "json";

export interface Field {
  name: string;
  required: boolean;
  kind: Kind;
  options: string[];
  nullable: boolean;
  description?: string;
  typeLabel: string;
}

type Schema = Record<string, unknown>;

function describe(schema: Schema | undefined): Pick<Field, "kind" | "options" | "nullable" | "typeLabel"> {
  if (!schema) return { kind: "json", options: [], nullable: false, typeLabel: "any JSON" };
  const anyOf = schema.anyOf as Schema[] | undefined;
  if (Array.isArray(anyOf)) {
    const others = anyOf.filter((s) => s.type !== "null");
    if (others.length === 1 && others.length < anyOf.length) {
      return { ...describe(others[0]), nullable: true };
    }
    return { kind: "json", options: [], nullable: false, typeLabel: "JSON" };
  }
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string")) {
    return { kind: "enum", options: schema.enum as string[], nullable: false, typeLabel: "one of" };
  }
  const type = schema.type;
  if (type === "string" || type === "integer" || type === "number" || type === "boolean") {
    const format = typeof schema.format === "string" ? ` (${schema.format})` : "";
    return { kind: type, options: [], nullable: false, typeLabel: `${type}${format}` };
  }
  return { kind: "json", options: [], nullable: false, typeLabel: typeof type === "string" ? `${type} as JSON` : "JSON" };
}

export function fieldsOf(declared: Declared[], schema: unknown): Field[] {
  const properties = ((schema as Schema | null)?.properties ?? {}) as Record<string, Schema>;
  const required = new Set(((schema as Schema | null)?.required as string[] | undefined) ?? []);
  const names = [...declared.map((d) => d.name), ...Object.keys(properties)]
    .filter((n, i, all) => all.indexOf(n) === i);
  return names.map((name) => {
    const d = declared.find((p) => p.name === name);
    const property = properties[name];
    return {
      name,
      required: Boolean(d?.required) || required.has(name),
      description: typeof property?.description === "string" ? property.description : undefined,
      ...describe(property),
    };
  });
}

/** The text each input starts with: the default, rendered for its kind. */
export function initialText(field: Field, value: unknown): string {
  if (value === undefined) return "";
  if (field.kind === "json") return JSON.stringify(value, null, 2);
  if (value === null) return "";
  return String(value);
}

/** The parameters to send, or the local errors (by field name) that stop sending. */
export function readValues(
  fields: Field[], texts: Record<string, string>,
): { values: Record<string, unknown>; errors: Record<string, string> } {
  const values: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const text = (texts[field.name] ?? "").trim();
    if (text === "") {
      if (field.nullable) values[field.name] = null;
      else if (field.kind === "string" && texts[field.name] !== undefined && !field.required) values[field.name] = "";
      continue;
    }
    if (field.kind === "integer" || field.kind === "number") {
      const n = Number(text);
      if (Number.isNaN(n)) errors[field.name] = "Enter a number.";
      else values[field.name] = n;
    } else if (field.kind === "boolean") {
      values[field.name] = text === "true";
    } else if (field.kind === "json") {
      try {
        values[field.name] = JSON.parse(text);
      } catch {
        errors[field.name] = "This is not valid JSON.";
      }
    } else {
      values[field.name] = texts[field.name];
    }
  }
  return { values, errors };
}

export function ParamInput({ field, text, onChange, errors }: {
  field: Field; text: string; onChange: (text: string) => void; errors: string[];
}) {
  const id = `param-${field.name}`;
  const described = errors.length > 0 ? `${id}-error` : undefined;
  const common = {
    id, name: field.name, "aria-invalid": errors.length > 0 || undefined,
    "aria-describedby": described, required: field.required && !field.nullable,
  };
  let input;
  if (field.kind === "boolean") {
    input = (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        {field.required ? null : <option value="">(default)</option>}
        <option value="true">true</option>
        <option value="false">false</option>
      </select>
    );
  } else if (field.kind === "enum") {
    input = (
      <select {...common} value={text} onChange={(e) => onChange(e.target.value)}>
        <option value="">(choose)</option>
        {field.options.map((o) => <option key={o}>{o}</option>)}
      </select>
    );
  } else if (field.kind === "json") {
    input = <textarea {...common} className="code" rows={3} value={text} spellCheck={false}
      onChange={(e) => onChange(e.target.value)} />;
  } else {
    input = <input {...common} type={field.kind === "string" ? "text" : "number"}
      step={field.kind === "number" ? "any" : "any"} value={text}
      onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        <code>{field.name}</code> <span className="muted">{field.typeLabel}{field.nullable ? " or null" : ""}</span>
        {field.required ? <span className="required"> (required)</span> : null}
      </label>
      {field.description ? <p className="hint">{field.description}</p> : null}
      {input}
      {errors.length > 0 ? (
        <p className="field-error" id={described} role="alert">{errors.join(" ")}</p>
      ) : null}
    </div>
  );
}
