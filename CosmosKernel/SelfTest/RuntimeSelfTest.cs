using System;
using System.Runtime.CompilerServices;
using Internal.Runtime;

namespace CosmosKernel.SelfTest
{
    /// <summary>
    /// Self-tests of the core runtime inside the real kernel: virtual and interface dispatch (with enough
    /// implementations that ilc cannot devirtualise), generics over reference and value types, delegates and
    /// closures, lazy static constructors, static reference fields, boxing, casts, allocation and freeing.
    /// </summary>
    internal static class RuntimeSelfTest
    {
        public static void Run()
        {
            TestVirtualDispatch();
            TestInterfaceDispatch();
            TestGenerics();
            TestDelegates();
            TestStaticConstructors();
            TestBoxingAndCasts();
            TestArrays();
            TestAllocation();
        }

        // ---- virtual methods ----
        private abstract class Shape
        {
            public abstract int Area();

            public virtual string Describe() => "shape";
        }

        private class Square : Shape
        {
            private readonly int _side;

            public Square(int side)
            {
                _side = side;
            }

            public override int Area() => _side * _side;

            public override string Describe() => "square";
        }

        private sealed class Cube : Square
        {
            public Cube(int side) : base(side)
            {
            }

            public override int Area() => base.Area() * 6;

            public override string Describe() => "cube of " + base.Describe();
        }

        private sealed class Triangle : Shape
        {
            public override int Area() => 7;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Shape[] MakeShapes() => new Shape[] { new Square(3), new Cube(2), new Triangle() };

        private static void TestVirtualDispatch()
        {
            Shape[] shapes = MakeShapes();
            int total = 0;
            for (int i = 0; i < shapes.Length; i++)
            {
                total += shapes[i].Area();
            }
            SelfTestRunner.Check("virtual.override", total == 9 + 24 + 7, "total area " + total.ToString());
            SelfTestRunner.CheckEqual("virtual.base-call", "cube of square", shapes[1].Describe());
            SelfTestRunner.CheckEqual("virtual.inherited", "shape", shapes[2].Describe());
        }

        // ---- interfaces ----
        private interface IAnimal
        {
            string Sound();

            int Legs { get; }

            // A default interface method.
            string Introduce() => "I say " + Sound();
        }

        private interface IPet : IAnimal
        {
            string Name { get; }
        }

        private interface IHolder<T>
        {
            T Get();

            void Set(T value);
        }

        private sealed class Dog : IPet
        {
            public string Sound() => "woof";

            public int Legs => 4;

            public string Name => "Rex";
        }

        private sealed class Bird : IAnimal
        {
            public string Sound() => "tweet";

            public int Legs => 2;

            public string Introduce() => "tweet tweet";
        }

        private class Snake : IAnimal
        {
            public virtual string Sound() => "hiss";

            public int Legs => 0;
        }

        private sealed class Cobra : Snake
        {
            public override string Sound() => "HISS";
        }

        private sealed class Box<T> : IHolder<T>
        {
            private T _value;

            public T Get() => _value;

            public void Set(T value)
            {
                _value = value;
            }
        }

        private sealed class Counter : IHolder<int>
        {
            private int _count;

            public int Get() => _count;

            public void Set(int value)
            {
                _count = value * 10;
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static IAnimal[] MakeAnimals() => new IAnimal[] { new Dog(), new Bird(), new Snake(), new Cobra() };

        private static void TestInterfaceDispatch()
        {
            IAnimal[] animals = MakeAnimals();
            string sounds = "";
            int legs = 0;
            // Repeated calls through the same call sites exercise the dispatch cache.
            for (int round = 0; round < 3; round++)
            {
                sounds = "";
                legs = 0;
                for (int i = 0; i < animals.Length; i++)
                {
                    sounds = sounds + animals[i].Sound() + " ";
                    legs += animals[i].Legs;
                }
            }
            SelfTestRunner.CheckEqual("interface.dispatch", "woof tweet hiss HISS ", sounds);
            SelfTestRunner.Check("interface.property", legs == 6, "legs " + legs.ToString());
            SelfTestRunner.CheckEqual("interface.default-method", "I say woof", animals[0].Introduce());
            SelfTestRunner.CheckEqual("interface.default-overridden", "tweet tweet", animals[1].Introduce());
            SelfTestRunner.Check("interface.inherited-interface", animals[0] is IPet pet && pet.Name == "Rex");
            SelfTestRunner.Check("interface.not-implemented", !(animals[1] is IPet));

            IHolder<int>[] holders = new IHolder<int>[] { new Box<int>(), new Counter() };
            holders[0].Set(5);
            holders[1].Set(5);
            SelfTestRunner.Check("interface.generic", holders[0].Get() == 5 && holders[1].Get() == 50);
            IHolder<string> text = new Box<string>();
            text.Set("boxed");
            SelfTestRunner.CheckEqual("interface.generic-reference", "boxed", text.Get());
        }

        // ---- generics ----
        private sealed class Pair<TFirst, TSecond>
        {
            public TFirst First;
            public TSecond Second;

            public Pair(TFirst first, TSecond second)
            {
                First = first;
                Second = second;
            }

            public Pair<TSecond, TFirst> Swap() => new Pair<TSecond, TFirst>(Second, First);
        }

        private static class PerType<T>
        {
            public static int Count;
        }

        private struct Point
        {
            public int X;
            public int Y;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static T Identity<T>(T value) => value;

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static T[] Repeat<T>(T value, int count)
        {
            T[] result = new T[count];
            for (int i = 0; i < count; i++)
            {
                result[i] = value;
            }
            return result;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int CountDefaults<T>(T[] values)
        {
            int count = 0;
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] is null)
                {
                    count++;
                }
            }
            return count;
        }

        private static void TestGenerics()
        {
            Pair<int, string> pair = new Pair<int, string>(1, "one");
            Pair<string, int> swapped = pair.Swap();
            SelfTestRunner.Check("generic.class", swapped.First == "one" && swapped.Second == 1);
            PerType<int>.Count += 2;
            PerType<string>.Count += 5;
            PerType<int>.Count += 1;
            SelfTestRunner.Check("generic.static-per-instantiation", PerType<int>.Count == 3 && PerType<string>.Count == 5);
            Point point = Identity(new Point { X = 3, Y = 4 });
            SelfTestRunner.Check("generic.method-struct", point.X == 3 && point.Y == 4);
            SelfTestRunner.CheckEqual("generic.method-shared", "shared", Identity("shared"));
            string[] words = Repeat("w", 4);
            long[] numbers = Repeat(7L, 3);
            SelfTestRunner.Check("generic.arrays", words.Length == 4 && words[3] == "w" && numbers[2] == 7L);
            SelfTestRunner.Check("generic.null-check-shared", CountDefaults(new string[] { null, "a", null }) == 2);
        }

        // ---- delegates ----
        private sealed class Accumulator
        {
            public int Total;

            public void Add(int value)
            {
                Total += value;
            }

            public int Scaled(int factor) => Total * factor;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int ApplyTwice(Func<int, int> function, int value) => function(function(value));

        private static int Triple(int value) => value * 3;

        private static void TestDelegates()
        {
            SelfTestRunner.Check("delegate.static-method", ApplyTwice(Triple, 2) == 18);
            SelfTestRunner.Check("delegate.lambda", ApplyTwice(x => x + 5, 1) == 11);
            int captured = 10;
            Func<int, int> closure = x => x + captured;
            captured = 20;
            SelfTestRunner.Check("delegate.closure", ApplyTwice(closure, 0) == 40);
            Accumulator accumulator = new Accumulator();
            Action<int> add = accumulator.Add;
            add(4);
            add(6);
            Func<int, int> scaled = accumulator.Scaled;
            SelfTestRunner.Check("delegate.instance-method", accumulator.Total == 10 && scaled(3) == 30);
            IAnimal animal = MakeAnimals()[3];
            Func<string> sound = animal.Sound;
            SelfTestRunner.CheckEqual("delegate.interface-method", "HISS", sound());
            Func<string, string, string> join = (left, right) => left + "+" + right;
            SelfTestRunner.CheckEqual("delegate.generic", "a+b", join("a", "b"));
            Action nothing = () => captured++;
            nothing();
            SelfTestRunner.Check("delegate.action", captured == 21);
        }

        // ---- static constructors ----
        private static int s_constructorLog;

        private static class LazyInitialized
        {
            public static readonly string Value;

            static LazyInitialized()
            {
                s_constructorLog = s_constructorLog * 10 + 1;
                Value = "initialised " + s_constructorLog.ToString();
            }

            public static int Touch() => 1;
        }

        private sealed class WithStaticReference
        {
            public static readonly int[] Table = MakeTable();

            private static int[] MakeTable()
            {
                s_constructorLog = s_constructorLog * 10 + 2;
                return new int[] { 1, 2, 3 };
            }
        }

        private static void TestStaticConstructors()
        {
            s_constructorLog = 0;
            int before = s_constructorLog;
            string value = LazyInitialized.Value;
            SelfTestRunner.Check("cctor.lazy", before == 0 && s_constructorLog == 1, "log " + s_constructorLog.ToString());
            SelfTestRunner.CheckEqual("cctor.initialises-fields", "initialised 1", value);
            LazyInitialized.Touch();
            SelfTestRunner.Check("cctor.runs-once", s_constructorLog == 1);
            int sum = WithStaticReference.Table[0] + WithStaticReference.Table[2];
            SelfTestRunner.Check("cctor.static-reference-field", sum == 4 && s_constructorLog == 12, "log " + s_constructorLog.ToString());
        }

        // ---- boxing and casts ----
        private enum Color
        {
            Red = 1,
            Green = 2,
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static object BoxIt<T>(T value) => value;

        private static void TestBoxingAndCasts()
        {
            object boxed = BoxIt(42);
            SelfTestRunner.Check("box.int", boxed is int number && number == 42);
            SelfTestRunner.Check("box.not-long", !(boxed is long));
            object boxedColor = BoxIt(Color.Green);
            SelfTestRunner.Check("box.enum", boxedColor is Color color && color == Color.Green);
            object point = BoxIt(new Point { X = 1, Y = 2 });
            Point unboxed = (Point)point;
            SelfTestRunner.Check("box.struct", unboxed.X == 1 && unboxed.Y == 2);
            object shape = MakeShapes()[1];
            SelfTestRunner.Check("cast.class-hierarchy", shape is Square && shape is Shape && !(shape is Triangle));
            SelfTestRunner.Check("cast.as", (shape as Triangle) == null && (shape as Cube) != null);
            int? present = 9;
            int? absent = null;
            long? wide = 1L << 40;
            object boxedPresent = BoxIt(present);
            SelfTestRunner.Check("box.nullable-with-value", boxedPresent is int nine && nine == 9);
            SelfTestRunner.Check("box.nullable-without-value", BoxIt(absent) == null);
            SelfTestRunner.Check("box.nullable-long", BoxIt(wide) is long big && big == 1L << 40);
            int? unboxedPresent = (int?)boxedPresent;
            int? unboxedAbsent = (int?)BoxIt(absent);
            SelfTestRunner.Check("unbox.nullable", unboxedPresent.HasValue && unboxedPresent.Value == 9 && !unboxedAbsent.HasValue);
            SelfTestRunner.Check("cast.nullable", boxedPresent is int? && !(BoxIt(7L) is int?));
            SelfTestRunner.CheckEqual("box.virtual-call-on-boxed-struct", "42", boxed.ToString());
            System.Collections.Generic.List<string> names = new System.Collections.Generic.List<string>();
            names.Add("a");
            names.Add("b");
            string joined = "";
            foreach (string name in names)
            {
                joined += name;
            }
            SelfTestRunner.CheckEqual("generic.struct-enumerator-over-reference-type", "ab", joined);
            object strings = new string[] { "x" };
            SelfTestRunner.Check("cast.array-covariance", strings is object[] && !(strings is int[]));
        }

        // ---- arrays ----
        private static void TestArrays()
        {
            int[] squares = new int[10];
            for (int i = 0; i < squares.Length; i++)
            {
                squares[i] = i * i;
            }
            int sum = 0;
            for (int i = 0; i < squares.Length; i++)
            {
                sum += squares[i];
            }
            SelfTestRunner.Check("array.int", sum == 285);
            Point[] points = new Point[3];
            points[2].X = 5;
            SelfTestRunner.Check("array.struct", points[2].X == 5 && points[0].X == 0);
            object[] objects = new object[2];
            objects[0] = "text";
            objects[1] = BoxIt(3);
            SelfTestRunner.Check("array.object", (string)objects[0] == "text" && (int)objects[1] == 3);
            int[][] jagged = new int[2][];
            jagged[1] = new int[] { 4, 5 };
            SelfTestRunner.Check("array.jagged", jagged[1][1] == 5 && jagged[0] == null);
        }

        // ---- allocation ----
        private sealed class Blob
        {
            public long A;
            public long B;
            public object Next;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Blob MakeBlob(object next) => new Blob { A = 1, B = 2, Next = next };

        private static void TestAllocation()
        {
            // Measure first, report after: the reports themselves allocate strings.
            ulong before = ManagedHeap.BytesInUse;
            Blob head = null;
            for (int i = 0; i < 1000; i++)
            {
                head = MakeBlob(head);
            }
            ulong afterAllocation = ManagedHeap.BytesInUse;
            int count = 0;
            while (head != null)
            {
                Blob next = (Blob)head.Next;
                ManagedHeap.FreeObject(head);
                head = next;
                count++;
            }
            ulong afterFree = ManagedHeap.BytesInUse;
            byte[] large = new byte[100000];
            large[99999] = 1;
            ulong withLarge = ManagedHeap.BytesInUse;
            ManagedHeap.FreeObject(large);
            ulong afterLargeFree = ManagedHeap.BytesInUse;

            SelfTestRunner.Check("heap.allocate", afterAllocation >= before + 1000 * 32, "grew by " + ((int)(afterAllocation - before)).ToString());
            SelfTestRunner.Check("heap.free", count == 1000 && afterFree == before, "before " + ((int)before).ToString() + " after " + ((int)afterFree).ToString());
            SelfTestRunner.Check("heap.large-block", withLarge - afterLargeFree >= 100000 && afterLargeFree == before, "large block grew by " + ((int)(withLarge - before)).ToString());
        }
    }
}
