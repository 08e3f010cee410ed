// Lint encodes the style and the architecture: DESIGN.md §1's dependency rule fails the build.
import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TEAMS_SDK = ['@microsoft/teams-ai', 'botbuilder', 'botbuilder-*', 'botframework-*'];
const STORE_ENGINES = ['mongodb', 'mingo'];
const OUTBOUND_SDKS = ['@microsoft/microsoft-graph-client', '@azure/msal-node', 'intercom-client'];
const HTTP = ['express'];

const packages = (names, message) => names.map((name) => ({ group: [name, `${name}/*`], message }));
/** Our own folders (siblings under src/) reached through `../`. */
const folders = (names, message) => [{ regex: `^(\\.\\./)+(${names.join('|')})(/|$)`, message }];

/** DESIGN.md §1, one entry per folder: what it may not import. Each folder gets one merged rule. */
const LAYERS = {
  domain: [
    { regex: '^(?!\\.)', message: 'domain is plain TypeScript: no package, no node: module, no I/O.' },
    ...folders(['services', 'store', 'integrations', 'bot', 'cards', 'scheduler', 'http', 'cli', 'config', 'main', 'logger'], 'domain imports nothing of ours.'),
  ],
  services: [
    ...packages([...TEAMS_SDK, ...STORE_ENGINES, ...OUTBOUND_SDKS, ...HTTP], 'services use ports, never an SDK.'),
    ...folders(['store', 'integrations', 'bot', 'http', 'scheduler', 'cli', 'main'], 'services depend on domain ports, never on a concrete adapter.'),
  ],
  cards: [
    ...packages([...TEAMS_SDK, ...STORE_ENGINES, ...OUTBOUND_SDKS, ...HTTP], 'cards import domain types and adaptivecards-templating only.'),
    ...folders(['services', 'store', 'integrations', 'bot', 'http', 'scheduler', 'cli', 'config', 'main'], 'cards import domain types only.'),
  ],
  bot: [
    ...packages([...STORE_ENGINES, ...OUTBOUND_SDKS], 'bot never talks to the store or outbound services directly.'),
    ...folders(['store', 'integrations', 'scheduler', 'cli', 'main'], 'bot translates activities into service calls; it never reaches the store or integrations.'),
  ],
  store: [
    ...packages([...TEAMS_SDK, ...OUTBOUND_SDKS, ...HTTP], 'only src/bot knows the Teams SDK; only src/integrations knows Graph, MSAL and Intercom.'),
    ...folders(['services', 'integrations', 'bot', 'cards', 'http', 'scheduler', 'cli'], 'store implements domain ports.'),
  ],
  integrations: [
    ...packages([...TEAMS_SDK, ...STORE_ENGINES, ...HTTP], 'integrations speak HTTP to outside services; the Teams SDK stays in src/bot, MongoDB in src/store.'),
    ...folders(['services', 'store', 'bot', 'cards', 'http', 'scheduler', 'cli'], 'integrations implement domain ports.'),
  ],
  scheduler: [
    ...packages([...TEAMS_SDK, ...STORE_ENGINES, ...OUTBOUND_SDKS, ...HTTP], 'the scheduler drives services through ports.'),
    ...folders(['store', 'integrations', 'bot', 'http', 'cli'], 'the scheduler drives services through ports.'),
  ],
  http: [
    ...packages([...TEAMS_SDK, ...STORE_ENGINES, ...OUTBOUND_SDKS], 'http routes call services; the Teams SDK stays in src/bot.'),
    ...folders(['store', 'integrations', 'bot', 'scheduler', 'cli'], 'http routes call services only.'),
  ],
};

const SRC_ROOT_FILES = packages([...TEAMS_SDK, ...STORE_ENGINES, ...OUTBOUND_SDKS], 'SDKs stay in their folder (DESIGN.md §1).');

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', '.test-data/**', 'appPackage/build/**', 'playground/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
      'import-x/order': ['error', { groups: ['builtin', 'external', 'parent', 'sibling', 'index'], alphabetize: { order: 'asc', caseInsensitive: true } }],
      'import-x/no-duplicates': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/config.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration in src/config.ts and pass it down.' }] },
  },
  ...Object.entries(LAYERS).map(([folder, patterns]) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  })),
  { files: ['src/*.ts'], ignores: ['src/main.ts'], rules: { 'no-restricted-imports': ['error', { patterns: SRC_ROOT_FILES }] } },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'domain reads no clock: take `now` as a parameter.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'domain reads no clock: take `now` as a parameter.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'domain is deterministic: take randomness as a parameter.' },
      ],
    },
  },
  { files: ['src/bot/sdk-console.ts'], rules: { 'no-console': 'off' } },
  { files: ['**/*.cjs', '**/*.mjs'], languageOptions: { globals: globals.node }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  { files: ['test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*', 'src/cli/**/*.ts'], rules: { 'no-console': 'off' } },
);
