# saa-study-bot: runs the TypeScript sources with tsx (no build step).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY bin ./bin
COPY src ./src
COPY migrations ./migrations
COPY knowledge ./knowledge
# Index cache and the embedded database live here; mount a volume to keep them.
ENV DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(process.env.SLACK_APP_TOKEN?0:1))"
CMD ["node", "--import", "tsx", "src/main.ts"]
