import type {
    FakeApiKey,
    FakeCustomImage,
    FakeModel,
    FakeProject,
    FakeSandboxEnvironment,
    FakeSignalReport,
    FakeStagedArtifact,
    FakeTask,
    FakeTaskRun,
    FakeUser,
} from './fakeEntities.ts'

export interface FakeStateData {
    users: FakeUser[]
    projects: FakeProject[]
    apiKeys: FakeApiKey[]
    tasks: FakeTask[]
    runs: FakeTaskRun[]
    sandboxEnvironments: FakeSandboxEnvironment[]
    customImages: FakeCustomImage[]
    signalReports: FakeSignalReport[]
    models: FakeModel[]
}

// The live data behind the fake; tests may read and change any of it.
export class FakeState implements FakeStateData {
    users: FakeUser[]
    projects: FakeProject[]
    apiKeys: FakeApiKey[]
    tasks: FakeTask[]
    runs: FakeTaskRun[]
    sandboxEnvironments: FakeSandboxEnvironment[]
    customImages: FakeCustomImage[]
    signalReports: FakeSignalReport[]
    models: FakeModel[]
    stagedArtifacts = new Map<string, FakeStagedArtifact>()
    // the caller has a GitHub account linked in PostHog, so user-authored runs need no token
    userHasGitHub = true
    // when the user has no linked account, PostHog silently falls back to bot PRs if the team has an integration
    teamHasGitHubIntegration = false
    now: () => Date = () => new Date()

    constructor(data: FakeStateData) {
        this.users = data.users
        this.projects = data.projects
        this.apiKeys = data.apiKeys
        this.tasks = data.tasks
        this.runs = data.runs
        this.sandboxEnvironments = data.sandboxEnvironments
        this.customImages = data.customImages
        this.signalReports = data.signalReports
        this.models = data.models
    }

    findApiKey(secret: string): FakeApiKey | undefined {
        return this.apiKeys.find((key) => key.secret === secret)
    }

    findUser(id: number): FakeUser | undefined {
        return this.users.find((user) => user.id === id)
    }

    findProject(id: number): FakeProject | undefined {
        return this.projects.find((project) => project.id === id)
    }

    findTask(projectId: number, taskId: string): FakeTask | undefined {
        return this.tasks.find((task) => task.projectId === projectId && task.id === taskId)
    }

    // newest first, like TaskRunViewSet; among equal timestamps the one added last counts as newer
    listTaskRuns(taskId: string): FakeTaskRun[] {
        return this.runs
            .map((run, index) => ({ run, index }))
            .filter(({ run }) => run.task === taskId)
            .sort((a, b) => compareTimestamps(b.run.created_at, a.run.created_at) || b.index - a.index)
            .map(({ run }) => run)
    }

    findLatestRun(taskId: string): FakeTaskRun | undefined {
        return this.listTaskRuns(taskId)[0]
    }

    findRun(taskId: string, runId: string): FakeTaskRun | undefined {
        return this.runs.find((run) => run.task === taskId && run.id === runId)
    }

    findStagedArtifactByPath(storagePath: string): FakeStagedArtifact | undefined {
        return [...this.stagedArtifacts.values()].find((artifact) => artifact.storage_path === storagePath)
    }

    expireStagedArtifact(id: string): void {
        const artifact = this.stagedArtifacts.get(id)
        if (artifact === undefined) {
            throw new Error(`No staged artifact ${id}`)
        }
        artifact.expired = true
    }
}

function compareTimestamps(a: string, b: string): number {
    return Date.parse(a) - Date.parse(b)
}
