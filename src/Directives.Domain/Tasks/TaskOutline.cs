using Directives.Domain.Validation;

namespace Directives.Domain.Tasks;

/// <summary>
/// Checks the tasks of one directive together, for imports and seeding that create them in one go:
/// each task's own rules (paths "tasks[2].cooperating_agencies"), numbers unique, and every nested
/// number's parent present (3.1 needs 3).
/// </summary>
public static class TaskOutline
{
    public const string Field = "tasks";

    /// <exception cref="DomainValidationException">With every problem found.</exception>
    public static void Validate(IReadOnlyList<TaskDetails> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        var violations = new ViolationCollector();
        var numbers = new Dictionary<TaskNumber, int>();
        var valid = new (int Index, TaskNumber Number)[tasks.Count];
        var count = 0;
        for (var i = 0; i < tasks.Count; i++)
        {
            var item = violations.Item(Field, i);
            DirectiveTask.Check(tasks[i], item);

            // The number is checked apart from the rest, so a task with another problem still
            // counts as the parent of its subtasks.
            if (!TaskNumber.TryParse(tasks[i]?.Number, out var number))
            {
                continue;
            }

            if (!numbers.TryAdd(number, i))
            {
                item.Add(TaskFields.Number, $"{number} is already used by tasks[{numbers[number]}]");
                continue;
            }

            valid[count++] = (i, number);
        }

        foreach (var (index, number) in valid.AsSpan(0, count))
        {
            if (number.Parent is { } parent && !numbers.ContainsKey(parent))
            {
                violations.Item(Field, index).Add(TaskFields.Number, $"{number} has no parent task {parent}");
            }
        }

        violations.ThrowIfAny();
    }
}
