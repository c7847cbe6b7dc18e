# syntax=docker/dockerfile:1
# Build and run on the same Node 24 LTS base, so the native better-sqlite3 module matches the runtime.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# node-gyp needs these to build better-sqlite3 from source when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
# The explorer's page and the build scripts: `npm run build` bundles the server into dist/server and the explorer
# into dist/explorer, which the image keeps.
COPY explorer ./explorer
COPY clients/typescript/src ./clients/typescript/src
COPY scripts/build-explorer.ts scripts/build-server.ts ./scripts/
COPY seed ./seed
COPY migrations ./migrations
RUN npm run build \
 && node dist/seed/cli.js --database data/history.sqlite \
 && npm prune --omit=dev

FROM node:24-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATABASE_PATH=/app/data/history.sqlite
WORKDIR /app
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/migrations ./migrations
# The database is built into the image and owned by root: the server, running as `node`, can only read it.
COPY --from=build --chown=root:root /app/data ./data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/readyz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
CMD ["node", "dist/server/server.js"]
