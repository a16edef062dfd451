import { describe, expect, it } from 'vitest'
import { analyseSubject, explainSubjectMismatch } from '../../src/github/oidc-subject.ts'

describe('analyseSubject', () => {
  it.each([
    ['repo:octo-org/octo-repo:ref:refs/heads/main', 'branch', false],
    ['repo:octo-org/octo-repo:ref:refs/tags/v1.2.0', 'tag', false],
    ['repo:octo-org/octo-repo:pull_request', 'pull_request', false],
    ['repo:octo-org/octo-repo:environment:Production', 'environment', false],
    ['repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main', 'branch', true],
    ['repo:octo-org/octo-repo:environment:prod:job_workflow_ref:octo-org/x/.github/workflows/a.yml@refs/heads/main',
      'custom', false],
    ['repository_owner:monalisa:repository_visibility:private', 'custom', false],
    ['system:serviceaccount:default:workload-identity-sa', 'custom', false],
    ['', 'unknown', false]
  ] as const)('%s is a %s subject (immutable: %s)', (subject, form, immutable) => {
    const analysis = analyseSubject(subject)
    expect(analysis.form).toBe(form)
    expect(analysis.immutable).toBe(immutable)
  })

  it('names the repository without its ids', () => {
    expect(analyseSubject('repo:octo-org@123456/octo-repo@456789:pull_request').repository).toBe('octo-org/octo-repo')
  })
})

describe('explainSubjectMismatch', () => {
  it('a credential for the branch does not match a job that references an environment', () => {
    const [first] = explainSubjectMismatch('repo:octo-org/octo-repo:environment:prod',
      ['repo:octo-org/octo-repo:ref:refs/heads/main'])
    expect(first).toMatch(/references an environment/)
  })

  it('a credential for an environment does not match a job without `environment:`', () => {
    const [first] = explainSubjectMismatch('repo:octo-org/octo-repo:ref:refs/heads/master',
      ['repo:octo-org/octo-repo:environment:test-slot'])
    expect(first).toMatch(/add `environment: test-slot` to the job/)
  })

  it('letter case alone is named as the case-sensitive comparison (AADSTS7002138)', () => {
    const [first] = explainSubjectMismatch('repo:Octo-Org/octo-repo:environment:Production',
      ['repo:octo-org/octo-repo:environment:production'])
    expect(first).toMatch(/differs only in letter case/)
  })

  it('the immutable owner@id/repo@id form is told apart from the name form, both ways', () => {
    expect(explainSubjectMismatch('repo:octo-org/octo-repo:ref:refs/heads/main',
      ['repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main'])[0]).toMatch(/immutable owner@id\/repo@id form/)
    expect(explainSubjectMismatch('repo:octo-org@123456/octo-repo@456789:ref:refs/heads/main',
      ['repo:octo-org/octo-repo:ref:refs/heads/main'])[0]).toMatch(/uses the immutable form/)
  })

  it('pull requests present pull_request, and the portal\'s pull-request spelling is caught', () => {
    expect(explainSubjectMismatch('repo:octo-org/octo-repo:pull_request',
      ['repo:octo-org/octo-repo:ref:refs/heads/main'])[0]).toMatch(/Pull request events present 'pull_request'/)
    expect(explainSubjectMismatch('repo:octo-org/octo-repo:pull_request',
      ['repo:octo-org/octo-repo:pull-request'])[0]).toMatch(/underscore/)
  })

  it('without the registered subjects, ranks reasons from the presented subject alone', () => {
    const reasons = explainSubjectMismatch('repo:octo-org/octo-repo:environment:prod')
    expect(reasons[0]).toMatch(/environment subject/)
    expect(reasons.some((r) => /case-sensitively/.test(r))).toBe(true)
  })

  it('a customized template is named', () => {
    const [first] = explainSubjectMismatch('repo:octo-org/octo-repo:environment:prod:job_workflow_ref:' +
      'octo-org/x/.github/workflows/a.yml@refs/heads/main', ['repo:octo-org/octo-repo:environment:prod'])
    expect(first).toMatch(/customized subject template/)
  })
})
