using Directives.Data.Changes;
using Directives.Data.Resources;
using Directives.Data.Tests.Infrastructure;
using Directives.Domain.Agencies;
using Directives.Domain.Committees;
using Directives.Domain.Directives;
using Directives.Domain.Tasks;
using Directives.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Directives.Data.Tests;

/// <summary>Every aggregate comes back as it was saved, Vietnamese text included, on both providers.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class RoundTripTests(DatabaseFixture fixture)
{
    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Directive_round_trips_with_every_field_in_nfc(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var monitoring = await province.AddAgencyAsync("cong-an-tinh");
        Directive saved;
        await using (var db = await province.OpenAsync())
        {
            saved = Domain.Directives.Directive.CreateDraft(Guid.NewGuid(), new DirectiveDetails
            {
                DocumentType = DocumentType.ChiThi,
                NumberAndSymbol = "15/CT-UBND",
                IssuingBody = Samples.Nfc("Ủy ban nhân dân tỉnh Tiền Giang"),
                Place = Samples.Nfc("Tiền Giang"),
                IssuedOn = new DateOnly(2022, 12, 19),
                Subject = Samples.Nfc("Về công tác bảo đảm an ninh, trật tự năm 2023 trên địa bàn tỉnh Tiền Giang"),
                Signer = new Signer(Samples.Nfc("Nguyễn Văn Vĩnh"), Samples.Nfc("Chủ tịch"), "TM. ỦY BAN NHÂN DÂN"),
                LegalBases = [new LegalBasis("14-NQ/TU", new DateOnly(2022, 12, 19), Samples.Nfc("Nghị quyết của Ban Thường vụ Tỉnh ủy")), new LegalBasis("96/2019/QH14")],
                Recipients = [Samples.Nfc("Bộ Công an"), Samples.Nfc("Thường trực Tỉnh ủy"), Samples.Nfc("Các sở, ban, ngành tỉnh")],
                MonitoringAgencyId = monitoring.Id,
                ReportingSchedule = ReportingSchedule.SixMonthly | ReportingSchedule.Annual,
                Confidentiality = Confidentiality.Mat,
                Body = Samples.Nfc("Năm 2022, tình hình an ninh chính trị được giữ vững…\n\n1. Đẩy mạnh phong trào toàn dân bảo vệ an ninh Tổ quốc."),
            });
            saved.Issue();
            db.AddResource(saved, "2022-15-ct-ubnd", Samples.Now);
            db.ChangeLog.Record(Samples.Change(ProvinceWrites.DirectiveName(province, "2022-15-ct-ubnd")));
            await db.SaveChangesAsync();
        }

        await using (var db = await province.OpenAsync())
        {
            var loaded = await db.Directives.WithResourceId("2022-15-ct-ubnd").SingleAsync();
            Assert.Equal(saved.Id, loaded.Id);
            Assert.Equal(DocumentType.ChiThi, loaded.DocumentType);
            Assert.Equal("15/CT-UBND", loaded.NumberAndSymbol!.Text);
            Assert.Equal("Ủy ban nhân dân tỉnh Tiền Giang", loaded.IssuingBody);
            Assert.True(loaded.IssuingBody.IsNormalized(System.Text.NormalizationForm.FormC));
            Assert.Equal(saved.Subject, loaded.Subject);
            Assert.Equal(saved.Body, loaded.Body);
            Assert.Equal(saved.Signer, loaded.Signer);
            Assert.Equal(saved.LegalBases, loaded.LegalBases);
            Assert.Equal(saved.Recipients, loaded.Recipients);
            Assert.Equal(monitoring.Id, loaded.MonitoringAgencyId);
            Assert.Equal(saved.ReportingSchedule, loaded.ReportingSchedule);
            Assert.Equal(Confidentiality.Mat, loaded.Confidentiality);
            Assert.Equal(DirectiveState.Issued, loaded.State);
            Assert.Equal(new DateOnly(2022, 12, 19), loaded.IssuedOn);

            var stamp = db.Resource(loaded).Stamp;
            Assert.Equal("2022-15-ct-ubnd", stamp.ResourceId);
            Assert.Equal(Samples.Now, stamp.CreateTime);
            Assert.Null(stamp.DeleteTime);

            var stamped = await db.Directives.WithResourceId("2022-15-ct-ubnd").Stamped().SingleAsync();
            Assert.Equal(stamp, stamped.Stamp);
            Assert.Equal(saved.Subject, stamped.Resource.Subject);
        }
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Task_round_trips_with_targets_extensions_reports_and_exact_instants(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var police = await province.AddAgencyAsync("cong-an-tinh");
        var army = await province.AddAgencyAsync("bo-chi-huy-quan-su", "Bộ Chỉ huy Quân sự tỉnh");
        var directive = await province.AddDirectiveAsync("2024-38-ct-tu");
        var task = await province.AddTaskAsync(directive, "2024-38-ct-tu", "3-1", "3.1", police.Id, [army.Id]);
        var completedAt = new DateTimeOffset(2024, 12, 31, 16, 59, 59, TimeSpan.Zero).AddTicks(1234567);

        await using (var db = await province.OpenAsync())
        {
            var tracked = await db.Tasks.WithTaskName("2024-38-ct-tu", "3-1").SingleAsync();
            tracked.ExtendDeadline(new DeadlineExtensionDetails
            {
                NewDeadline = Deadline.InPeriod(Period.OfYear(2024)),
                Reason = Samples.Nfc("Chờ kết quả điều tra của Cơ quan Cảnh sát điều tra"),
                ApprovingDecision = "125/UBND-NC",
                ApprovedAt = Samples.Now,
                ApprovedBy = Samples.Nfc("Chủ tịch UBND tỉnh"),
            });
            tracked.SubmitReport(Guid.NewGuid(), new ReportDetails
            {
                Kind = ReportKind.Periodic6Month,
                AgencyId = army.Id,
                Period = Period.OfHalfYear(2024, 1),
                Text = Samples.Nfc("Đã phối hợp tuần tra, kiểm soát địa bàn giáp ranh."),
                PercentComplete = 40,
                Measurements = [new Domain.Targets.TargetMeasurement(tracked.Targets[1].Id, 81.25m)],
                SubmittedBy = Samples.Nfc("Đại tá Hoàng Văn Bình"),
            }, Samples.Now.AddDays(1));
            tracked.Complete(completedAt);
            db.Resource(tracked).Touch(Samples.Now.AddDays(2));
            db.ChangeLog.Record(Samples.Change("tasks/3-1", ChangeKind.Updated));
            await db.SaveChangesAsync();
        }

        await using (var db = await province.OpenAsync())
        {
            var loaded = await db.Tasks.WithTaskName("2024-38-ct-tu", "3-1").SingleAsync();
            Assert.Equal(task.Id, loaded.Id);
            Assert.Equal(directive.Id, loaded.DirectiveId);
            Assert.Equal(TaskNumber.Parse("3.1"), loaded.Number);
            Assert.Equal(task.Title, loaded.Title);
            Assert.Equal(task.Content, loaded.Content);
            Assert.Equal(police.Id, loaded.LeadAgencyId);
            Assert.Equal([army.Id], loaded.CooperatingAgencyIds);
            Assert.Equal(Deadline.InPeriod(Period.OfQuarter(2024, 3)), loaded.OriginalDeadline);
            Assert.Equal(Deadline.InPeriod(Period.OfYear(2024)), loaded.Deadline);

            // 23:59:59.9999999 in Vietnam, to the tick: instants are stored as ticks on both providers.
            Assert.Equal(VietnamTime.EndOfDay(new DateOnly(2024, 12, 31)), loaded.DueAt);
            Assert.Equal(completedAt, loaded.CompletedAt);
            Assert.Equal(TaskState.Completed, loaded.State);
            Assert.Equal(Timeliness.OnTime, loaded.TimelinessAt(Samples.Now.AddYears(1)));

            Assert.Equal(task.Targets.Select(t => (t.Id, t.Metric, t.Comparator, t.Value, t.Unit, t.Kind, t.BaselinePeriod, t.BaselineValue)),
                loaded.Targets.Select(t => (t.Id, t.Metric, t.Comparator, t.Value, t.Unit, t.Kind, t.BaselinePeriod, t.BaselineValue)));
            var extension = Assert.Single(loaded.Extensions);
            Assert.Equal(1, extension.Sequence);
            Assert.Equal(Deadline.InPeriod(Period.OfQuarter(2024, 3)), extension.PreviousDeadline);
            Assert.Equal("125/UBND-NC", extension.ApprovingDecision.Text);
            Assert.Equal("Chờ kết quả điều tra của Cơ quan Cảnh sát điều tra", extension.Reason);
            Assert.Equal(Samples.Now, extension.ApprovedAt);

            var report = Assert.Single(loaded.Reports);
            Assert.Equal(army.Id, report.AgencyId);
            Assert.Equal(Period.OfHalfYear(2024, 1), report.Period);
            Assert.Equal("Đã phối hợp tuần tra, kiểm soát địa bàn giáp ranh.", report.Text);
            Assert.Equal(Samples.Now.AddDays(1), report.SubmittedAt);
            var measurement = Assert.Single(report.Measurements);
            Assert.Equal(81.25m, measurement.Value);
            Assert.Equal(Domain.Targets.TargetOutcome.Met, loaded.EvaluateTargets()[1].Outcome);

            var stamp = db.Resource(loaded).Stamp;
            Assert.Equal("2024-38-ct-tu", stamp.DirectiveResourceId);
            Assert.Equal(Samples.Now.AddDays(2), stamp.UpdateTime);
        }
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Agency_keeps_its_name_history_in_order(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var labour = await province.AddAgencyAsync("so-ld-tbxh", "Sở Lao động – Thương binh và Xã hội");
        var home = await province.AddAgencyAsync("so-noi-vu", "Sở Nội vụ");
        await using (var db = await province.OpenAsync())
        {
            var agency = await db.Agencies.WithResourceId("so-ld-tbxh").SingleAsync();
            var successor = await db.Agencies.WithResourceId("so-noi-vu").SingleAsync();
            agency.Rename(Samples.Nfc("Sở Lao động, Thương binh và Xã hội"), new DateOnly(2022, 1, 1));
            agency.MergeInto(successor, new DateOnly(2025, 3, 1));
            db.ChangeLog.Record(Samples.Change("agencies/so-ld-tbxh", ChangeKind.Updated));
            await db.SaveChangesAsync();
        }

        await using (var db = await province.OpenAsync())
        {
            var agency = await db.Agencies.WithResourceId("so-ld-tbxh").SingleAsync();
            Assert.Equal(
                [
                    new AgencyName("Sở Lao động – Thương binh và Xã hội", new DateOnly(2019, 1, 1), new DateOnly(2021, 12, 31)),
                    new AgencyName("Sở Lao động, Thương binh và Xã hội", new DateOnly(2022, 1, 1), new DateOnly(2025, 2, 28)),
                ],
                agency.Names);
            Assert.Equal(home.Id, agency.MergedIntoId);
            Assert.Equal(new DateOnly(2025, 3, 1), agency.MergedOn);
            Assert.False(agency.IsActive);
            Assert.Equal("Sở Lao động – Thương binh và Xã hội", agency.NameOn(new DateOnly(2020, 6, 1)));
            Assert.NotEqual(labour.Names.Count, agency.Names.Count);
        }
    }

    [Theory]
    [InlineData(StorageTarget.Sqlite)]
    [InlineData(StorageTarget.PostgreSql)]
    public async Task Committee_keeps_compositions_and_members_in_order(StorageTarget target)
    {
        var province = await fixture.CreateProvinceAsync(target);
        var police = Guid.NewGuid();
        var peoplesCommittee = Guid.NewGuid();
        var standingDeputy2 = Samples.Member(Samples.Nfc("Vũ Đình Khoa"), Samples.Nfc("Giám đốc Công an tỉnh"), police, CommitteePosition.StandingDeputy);
        await using (var db = await province.OpenAsync())
        {
            var committee = Samples.Committee(police, peoplesCommittee);
            db.AddResource(committee, "bcd-138-tinh", Samples.Now);
            db.ChangeLog.Record(Samples.Change("committees/bcd-138-tinh"));
            await db.SaveChangesAsync();
        }

        await using (var db = await province.OpenAsync())
        {
            var committee = await db.Committees.WithResourceId("bcd-138-tinh").SingleAsync();
            committee.Reconstitute(Guid.NewGuid(), new CompositionDetails
            {
                Decision = "567/QĐ-UBND",
                EffectiveDate = new DateOnly(2024, 5, 1),
                Members =
                [
                    Samples.Member(Samples.Nfc("Trần Quốc Văn"), Samples.Nfc("Chủ tịch UBND tỉnh"), peoplesCommittee, CommitteePosition.Head),
                    Samples.Member(Samples.Nfc("Nguyễn Lê Huy"), Samples.Nfc("Phó Chủ tịch UBND tỉnh"), peoplesCommittee, CommitteePosition.FirstDeputy),
                    Samples.Member(Samples.Nfc("Đỗ Minh Tâm"), Samples.Nfc("Giám đốc Sở Y tế"), peoplesCommittee, CommitteePosition.Member),
                    Samples.Member(Samples.Nfc("Phạm Văn Đức"), Samples.Nfc("Giám đốc Công an tỉnh"), police, CommitteePosition.StandingDeputy),
                ],
            });
            var departing = committee.Compositions[^1].Members.Single(m => m.Position == CommitteePosition.StandingDeputy);
            committee.EndMembership(departing.Id, new DateOnly(2024, 8, 31), Samples.Nfc("Nghỉ hưu theo chế độ"));
            committee.Appoint(standingDeputy2, new DateOnly(2024, 9, 1), "890/QĐ-UBND");
            db.ChangeLog.Record(Samples.Change("committees/bcd-138-tinh", ChangeKind.Updated));
            await db.SaveChangesAsync();
        }

        await using (var db = await province.OpenAsync())
        {
            var committee = await db.Committees.WithResourceId("bcd-138-tinh").SingleAsync();
            Assert.Equal(["1234/QĐ-UBND", "567/QĐ-UBND"], committee.Compositions.Select(c => c.Decision.Text));
            Assert.Equal(new DateOnly(2024, 4, 30), committee.Compositions[0].EndDate);
            Assert.Equal(CommitteePosition.Head, committee.Compositions[0].Members[0].Position);
            Assert.Equal(
                [Samples.Nfc("Phụ trách công tác phòng, chống ma túy")],
                committee.Compositions[0].Members.Single(m => m.Position == CommitteePosition.Deputy).ResponsibilityAreas);

            // Position order, as the domain keeps it (the decision listed the member before the standing deputy).
            Assert.Equal(
                [CommitteePosition.Head, CommitteePosition.FirstDeputy, CommitteePosition.StandingDeputy, CommitteePosition.StandingDeputy, CommitteePosition.Member],
                committee.Compositions[1].Members.Select(m => m.Position));
            Assert.Equal(
                ["Trần Quốc Văn", "Nguyễn Lê Huy", "Vũ Đình Khoa", "Đỗ Minh Tâm"],
                committee.MembersOn(new DateOnly(2024, 10, 1)).Select(m => m.PersonName));
            Assert.Empty(committee.VacanciesOn(new DateOnly(2024, 10, 1)));
            var appointed = committee.Compositions[1].Members.Single(m => m.Id == standingDeputy2.Id);
            Assert.Equal("890/QĐ-UBND", appointed.AppointedBy!.Text);
            Assert.Equal(new DateOnly(2024, 9, 1), appointed.StartDate);
            Assert.Equal(2, committee.MemberHistory("pham van duc").Count);
        }
    }
}
