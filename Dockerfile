# One image for every service; the service is chosen by the command (see docker-compose.yml).
FROM node:20-bookworm-slim AS deps
ENV ONNXRUNTIME_NODE_INSTALL=skip ONNXRUNTIME_NODE_INSTALL_CUDA=skip
WORKDIR /app
RUN npm install -g pnpm@12.4.2
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .npmrc ./
COPY packages ./packages
COPY services ./services
COPY bench/package.json ./bench/package.json
RUN pnpm install --frozen-lockfile --prod=false

FROM node:20-bookworm-slim AS runtime
# A container listens on every interface, so every request needs an API key; secrets (DATABASE_URL, REDIS_URL,
# METRICS_TOKEN, ADMIN_TOKEN, OPENAI_API_KEY) come from the environment at run time, never from the image.
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8000 MODEL_DIR=/app/models/resume-fit AUTH=required
WORKDIR /app
COPY --from=deps /app /app
COPY models/resume-fit ./models/resume-fit
COPY tsconfig.json ./
RUN useradd --system --uid 10001 app && mkdir -p /app/data && chown app /app/data
USER app
EXPOSE 8000
# Overridden per service: services/all-in-one/src/processes/{gateway,scorer,advisor}.ts, or the whole product.
CMD ["node_modules/.bin/tsx", "services/all-in-one/src/main.ts"]
