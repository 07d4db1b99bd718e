// The Sovereign manifest in one module: build (draft to manifest and back, with its component
// config), validate (the contract beyond the shape in schemas/manifest.ts), io (text in and out),
// capacity (the plan's fit), and the field map between draft fields and manifest paths. UI code
// imports the submodule it needs, so a page does not load the YAML reader with the builder.
export * from './build';
export * from './capacity';
export * from './component-config';
export * from './config';
export * from './field-map';
export * from './io';
export * from './validate';
