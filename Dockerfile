# One image for every service; the service is chosen by the command (see docker-compose.yml). It runs the compiled
# JavaScript (`pnpm build`) with plain node and production dependencies only: no TypeScript sources, no tsx.
FROM node:20-bookworm-slim AS base
ENV ONNXRUNTIME_NODE_INSTALL=skip ONNXRUNTIME_NODE_INSTALL_CUDA=skip
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY packages ./packages
COPY services ./services
COPY bench/package.json ./bench/package.json
COPY infra/package.json ./infra/package.json

# Every dependency, to compile: each package's src/ becomes its dist/.
FROM base AS build
COPY tsconfig.json ./
COPY scripts/build.mjs ./scripts/build.mjs
RUN pnpm install --frozen-lockfile
RUN pnpm build

# The production dependencies of what the image runs (the product and its CLI), the compiled code beside its assets
# (migrations, prompts, the page), and no TypeScript sources.
FROM base AS production
RUN pnpm install --frozen-lockfile --prod --filter-prod "@rc/all-in-one..." --filter-prod "@rc/cli..."
COPY --from=build /app/packages /build/packages
COPY --from=build /app/services /build/services
RUN for dist in /build/packages/*/dist /build/services/*/dist; do rm -rf "${dist#/build/}" && cp -r "$dist" "${dist#/build/}"; done \
    && rm -rf /build packages/*/src services/*/src packages/testing bench infra \
    && find packages services -name '*.ts' -not -path '*/node_modules/*' -delete
# onnxruntime-node ships its binaries for every system; a Linux image needs only Linux's (about 180 MB less).
RUN rm -rf node_modules/.pnpm/onnxruntime-node@*/node_modules/onnxruntime-node/bin/napi-v*/darwin \
           node_modules/.pnpm/onnxruntime-node@*/node_modules/onnxruntime-node/bin/napi-v*/win32

FROM node:20-bookworm-slim AS runtime
# A container listens on every interface, so every request needs an API key; secrets (DATABASE_URL, REDIS_URL,
# METRICS_TOKEN, ADMIN_TOKEN, OPENAI_API_KEY) come from the environment at run time, never from the image.
# --conditions=rc-dist makes the workspace packages resolve to their compiled dist/ (package.json "exports"); whoever
# sets NODE_OPTIONS for a container keeps it there.
ENV NODE_ENV=production NODE_OPTIONS=--conditions=rc-dist HOST=0.0.0.0 PORT=8000 AUTH=required \
    MODEL_DIR=/app/models/resume-fit EMBED_MODEL_DIR=/app/models/sentence-embed
WORKDIR /app
COPY --from=production /app /app
COPY models/resume-fit ./models/resume-fit
COPY models/sentence-embed ./models/sentence-embed
RUN useradd --system --uid 10001 app && mkdir -p /app/data && chown app /app/data
USER app
EXPOSE 8000
# Overridden per service: services/all-in-one/dist/processes/{gateway,scorer,advisor}.js, or the whole product;
# `node services/cli/dist/main.js keys create --owner NAME` makes an API key.
CMD ["node", "services/all-in-one/dist/main.js"]
