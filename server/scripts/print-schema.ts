import 'reflect-metadata'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../core/paths.ts'
import { printSdl } from '../schema.ts'

writeFileSync(join(projectRoot, 'schema.graphql'), printSdl())
console.log('schema.graphql written')
