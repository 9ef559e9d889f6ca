using Microsoft.EntityFrameworkCore;
using Pppk.Workflow.Domain.Employees;
using Pppk.Workflow.Domain.Fiscal;
using Pppk.Workflow.Domain.Privacy;
using Pppk.Workflow.Domain.Selection;

namespace Pppk.Workflow.Domain.Data;

/// <summary>The PPPK domain's tables, in schema <c>pppk</c> beside the runtime's, with their own migrations history.</summary>
public sealed class PppkDbContext(DbContextOptions<PppkDbContext> options) : DbContext(options)
{
    public const string MigrationsHistoryTable = "__ef_migrations_history_pppk";

    public DbSet<SelectionRound> Rounds => Set<SelectionRound>();
    public DbSet<Formation> Formations => Set<Formation>();
    public DbSet<Applicant> Applicants => Set<Applicant>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<CatScore> Scores => Set<CatScore>();
    public DbSet<RankingResult> Rankings => Set<RankingResult>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<Sk> Sks => Set<Sk>();
    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<UnitBudget> UnitBudgets => Set<UnitBudget>();
    public DbSet<UnitContractCount> UnitContractCounts => Set<UnitContractCount>();
    public DbSet<RegionalFiscalSetting> FiscalSettings => Set<RegionalFiscalSetting>();
    public DbSet<SalaryScaleEntry> SalaryScale => Set<SalaryScaleEntry>();
    public DbSet<FiscalCheck> FiscalChecks => Set<FiscalCheck>();
    public DbSet<SkSequence> SkSequences => Set<SkSequence>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();
    public DbSet<Pppk.Workflow.Domain.Documents.DocumentRecord> Documents => Set<Pppk.Workflow.Domain.Documents.DocumentRecord>();
    public DbSet<Pppk.Workflow.Domain.Documents.DocumentTemplateRecord> DocumentTemplates => Set<Pppk.Workflow.Domain.Documents.DocumentTemplateRecord>();
    public DbSet<Pppk.Workflow.Domain.CaseNotes.CaseComment> CaseComments => Set<Pppk.Workflow.Domain.CaseNotes.CaseComment>();
    public DbSet<Pppk.Workflow.Domain.CaseNotes.CaseAttachment> CaseAttachments => Set<Pppk.Workflow.Domain.CaseNotes.CaseAttachment>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.HasDefaultSchema("pppk");
        b.HasPostgresExtension("pg_trgm"); // the people lists' search: trigram indexes (migration Issue21SearchIndexes), the numbers' prefixes on their B-trees in text_pattern_ops (Issue21NumberPrefixes)
        b.Entity<SelectionRound>(e =>
        {
            e.ToTable("selection_rounds");
            e.HasIndex(r => new { r.Year, r.Wave }).IsUnique();
        });
        b.Entity<Formation>(e =>
        {
            e.ToTable("formations");
            e.Property(f => f.Type).HasConversion<string>();
            e.HasIndex(f => f.Code).IsUnique();
            e.HasIndex(f => f.UnitCode);
        });
        b.Entity<Applicant>(e =>
        {
            e.ToTable("applicants");
            e.HasIndex(a => a.RegistrationNumber).IsUnique();
            e.HasIndex(a => a.FormationCode);
            e.HasIndex(a => a.Nik).HasOperators("text_pattern_ops"); // equality, and "starts with" in any collation (the list's search)
        });
        b.Entity<Appeal>(e => { e.ToTable("appeals"); e.HasIndex(a => a.ApplicantId); });
        b.Entity<CatScore>(e => { e.ToTable("cat_scores"); e.HasKey(s => s.ApplicantId); e.Ignore(s => s.Total); });
        b.Entity<RankingResult>(e =>
        {
            e.ToTable("ranking_results");
            e.HasIndex(r => new { r.FormationId, r.Rank });
            e.HasIndex(r => r.ApplicantId).IsUnique();
        });
        b.Entity<Employee>(e =>
        {
            e.ToTable("employees");
            // Equality, uniqueness, and "starts with" in any collation (the list's search); nothing sorts by them.
            e.HasIndex(x => x.NiPppk).IsUnique().HasFilter("ni_pppk IS NOT NULL").HasOperators("text_pattern_ops");
            e.HasIndex(x => x.Nik).IsUnique().HasOperators("text_pattern_ops");
            e.HasIndex(x => x.UnitCode).IncludeProperties(x => x.Id);
        });
        b.Entity<Sk>(e => { e.ToTable("sks"); e.HasIndex(s => s.Number).IsUnique(); e.HasIndex(s => s.EmployeeId); });
        b.Entity<Contract>(e =>
        {
            e.ToTable("contracts");
            e.HasIndex(c => new { c.EmployeeId, c.Tmt, c.End });
            e.HasIndex(c => new { c.Status, c.End, c.Id });
            e.Property(c => c.UnitCode).ValueGeneratedOnAddOrUpdate();
            e.HasIndex(c => new { c.UnitCode, c.Status, c.End, c.Id });
        });
        b.Entity<Evaluation>(e =>
        {
            e.ToTable("evaluations");
            e.HasIndex(x => new { x.EmployeeId, x.Year, x.Period }).IsUnique();
        });
        b.Entity<Unit>(e => { e.ToTable("units"); e.HasKey(u => u.Code); });
        b.Entity<UnitBudget>(e => { e.ToTable("unit_budgets"); e.HasIndex(x => new { x.UnitCode, x.FiscalYear }).IsUnique(); });
        b.Entity<UnitContractCount>(e => { e.ToTable("unit_contract_counts"); e.HasKey(x => x.UnitCode); });
        b.Entity<RegionalFiscalSetting>(e => { e.ToTable("regional_fiscal_settings"); e.HasKey(x => x.FiscalYear); });
        b.Entity<SalaryScaleEntry>(e => { e.ToTable("salary_scale"); e.HasKey(x => new { x.Grade, x.ServiceYears }); });
        b.Entity<FiscalCheck>(e => { e.ToTable("fiscal_checks"); e.Property(x => x.Inputs).HasColumnType("jsonb"); e.HasIndex(x => x.ContractId); });
        b.Entity<SkSequence>(e => { e.ToTable("sk_sequences"); e.HasKey(x => x.Year); });
        b.Entity<AccessLogEntry>(e =>
        {
            e.ToTable("access_log");
            // Per person and per record, newest first; by time alone for the daily pruning and date-range queries.
            e.HasIndex(x => new { x.PersonNik, x.At }).HasFilter("person_nik IS NOT NULL");
            e.HasIndex(x => new { x.Kind, x.RecordId, x.At });
            e.HasIndex(x => x.At);
        });
        Pppk.Workflow.Domain.Documents.DocumentTable.Configure(b);
        Pppk.Workflow.Domain.CaseNotes.CaseNoteTables.Configure(b);
        Pppk.Workflow.Domain.Documents.DocumentTemplateTable.Configure(b);
    }
}
